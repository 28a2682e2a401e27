using System.Text;

namespace LazyMmuGen.Runtime;

/// <summary>
/// What a checker reads of an arch's per-task or per-CPU state struct: the mechanism primitives it refers to and a
/// fingerprint of every field. The generator emits these members for each generated <c>TaskState</c> and
/// <c>CpuState</c> (templates/arch.scriban), one statement per field in ordinal name order, so the machine needs no
/// reflection to clone or fingerprint an arch's state. Checker support only: no lazy MMU helper or callback calls them.
/// </summary>
/// <typeparam name="TSelf">The state struct itself.</typeparam>
public interface IArchState<TSelf> where TSelf : struct, IArchState<TSelf>
{
    /// <summary>
    /// A copy of this state in which every mechanism primitive it refers to is replaced by its clone. Clones are
    /// shared through <paramref name="clones"/>, so two states referring to one primitive refer to one clone.
    /// </summary>
    /// <param name="clones">The primitives cloned so far, by original (compared by reference).</param>
    TSelf CloneReferences(Dictionary<IMechanismState, IMechanismState> clones);

    /// <summary>Adds the mechanism primitives this state refers to, fields in ordinal name order.</summary>
    /// <param name="into">The list to add to.</param>
    void AddMechanisms(List<IMechanismState> into);

    /// <summary>
    /// Appends <c>NAME=VALUE </c> for every field in ordinal name order: <c>-</c> for null, a primitive's own
    /// fingerprint (<see cref="IMechanismState.AppendFingerprint"/>), or the value's text.
    /// </summary>
    /// <param name="builder">The fingerprint being built.</param>
    /// <param name="referencesOnlyByPresence">
    /// Write <c>ref</c> for a primitive instead of its fingerprint: a task's reference to a per-CPU primitive is
    /// state by presence, its content is the CPU's.
    /// </param>
    void AppendFingerprint(StringBuilder builder, bool referencesOnlyByPresence);
}

/// <summary>
/// The per-field steps of the generated <see cref="IArchState{TSelf}"/> members, for a field whose type the generator
/// cannot see (anything but a built-in numeric, <c>bool</c> or <c>char</c>): whether its value is null or a mechanism
/// primitive is decided at run time, as the value's type says. Generic, so the JIT folds the tests away for a
/// struct field.
/// </summary>
public static class ArchStateFields
{
    /// <summary>Replaces <paramref name="field"/> by its clone when it holds a mechanism primitive (one clone per primitive).</summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="field">The field of the copy being made.</param>
    /// <param name="clones">The primitives cloned so far, by original.</param>
    public static void CloneReference<T>(ref T field, Dictionary<IMechanismState, IMechanismState> clones)
    {
        if (field is not IMechanismState original) return;
        if (!clones.TryGetValue(original, out var copy)) clones[original] = copy = original.Clone();
        field = (T)copy;
    }

    /// <summary>Adds <paramref name="value"/> to <paramref name="into"/> when it is a mechanism primitive.</summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="into">The list to add to.</param>
    /// <param name="value">The field's value.</param>
    public static void AddMechanism<T>(List<IMechanismState> into, T value)
    {
        if (value is IMechanismState state) into.Add(state);
    }

    /// <summary>Appends a field's value to a fingerprint: <c>-</c> for null, <c>ref</c> or the fingerprint of a primitive, else its text.</summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="builder">The fingerprint being built.</param>
    /// <param name="value">The field's value.</param>
    /// <param name="referencesOnlyByPresence">Write <c>ref</c> for a primitive instead of its fingerprint.</param>
    /// <returns><paramref name="builder"/>.</returns>
    public static StringBuilder Append<T>(StringBuilder builder, T value, bool referencesOnlyByPresence)
    {
        switch (value)
        {
            case null: builder.Append('-'); break;
            case IMechanismState when referencesOnlyByPresence: builder.Append("ref"); break;
            case IMechanismState state: state.AppendFingerprint(builder); break;
            default: builder.Append((object)value); break;
        }
        return builder;
    }
}
