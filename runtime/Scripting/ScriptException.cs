namespace LazyMmuGen.Runtime.Scripting;

/// <summary>A script the runner cannot accept; <see cref="Column"/> is 1-based within the script.</summary>
public sealed class ScriptException(string message, int column) : Exception(message)
{
    public int Column { get; } = column;
}
