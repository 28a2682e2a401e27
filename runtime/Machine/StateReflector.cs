using System.Reflection;
using System.Text;

namespace LazyMmuGen.Runtime;

/// <summary>
/// Reads a generated arch state struct generically, for checkers only (never on the hot path): its
/// mechanism primitives and a fingerprint of every field.
/// </summary>
internal static class StateReflector<T> where T : struct
{
    private static readonly FieldInfo[] Fields =
        typeof(T).GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic).OrderBy(f => f.Name, StringComparer.Ordinal).ToArray();

    public static IEnumerable<IMechanismState> Mechanisms(T value)
    {
        object boxed = value;
        foreach (var field in Fields)
        {
            if (field.GetValue(boxed) is IMechanismState state) yield return state;
        }
    }

    /// <summary>Replaces every primitive a state refers to by its clone, sharing clones through <paramref name="clones"/>.</summary>
    public static T CloneReferences(T value, Dictionary<IMechanismState, IMechanismState> clones)
    {
        object boxed = value;
        foreach (var field in Fields)
        {
            if (field.GetValue(boxed) is not IMechanismState original) continue;
            if (!clones.TryGetValue(original, out var copy)) clones[original] = copy = original.Clone();
            field.SetValue(boxed, copy);
        }
        return (T)boxed;
    }

    public static void Append(StringBuilder builder, T value, bool referencesOnlyByPresence)
    {
        object boxed = value;
        foreach (var field in Fields)
        {
            var item = field.GetValue(boxed);
            builder.Append(field.Name).Append('=');
            switch (item)
            {
                case null: builder.Append('-'); break;
                // A task's reference to a per-CPU primitive is state by presence; its content is the CPU's.
                case IMechanismState when referencesOnlyByPresence: builder.Append("ref"); break;
                case IMechanismState state: state.AppendFingerprint(builder); break;
                default: builder.Append(item); break;
            }
            builder.Append(' ');
        }
    }
}
