namespace LazyMmuGen.Runtime.Scripting;

/// <summary>A script the runner cannot accept; <see cref="Column"/> is 1-based within the script.</summary>
/// <param name="message">What is wrong and, where possible, what to write instead.</param>
/// <param name="column">The 1-based column of the problem in the script.</param>
public sealed class ScriptException(string message, int column) : Exception(message)
{
    /// <summary>The 1-based column of the problem in the script.</summary>
    public int Column { get; } = column;
}
