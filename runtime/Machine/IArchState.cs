namespace LazyMmuGen.Runtime;

/// <summary>
/// What a checker reads of an arch's per-task or per-CPU state struct: the mechanism primitives it refers to and the
/// canonical state of every field. The generator emits these members for each generated <c>TaskState</c> and
/// <c>CpuState</c> (templates/arch.scriban), one statement per field in ordinal name order, so the machine needs no
/// reflection to clone or key an arch's state. Checker support only: no lazy MMU helper or callback calls them.
/// </summary>
/// <typeparam name="TSelf">The state struct itself.</typeparam>
public interface IArchState<TSelf> where TSelf : struct, IArchState<TSelf>
{
    /// <summary>
    /// A copy of this state in which every mechanism primitive it refers to is replaced by its copy
    /// (<see cref="PrimitiveCopies.CopyOf"/>): the primitive <paramref name="reusable"/> holds in the same field, made a
    /// copy in place, or else a clone. Copies are shared through <paramref name="copies"/>, so two states referring to
    /// one primitive refer to one copy.
    /// </summary>
    /// <param name="reusable">The state this copy replaces in the machine copied into (default for a new machine).</param>
    /// <param name="copies">The primitives copied so far in this machine copy.</param>
    TSelf CopyReferences(in TSelf reusable, PrimitiveCopies copies);

    /// <summary>Adds the mechanism primitives this state refers to, fields in ordinal name order.</summary>
    /// <param name="into">The list to add to.</param>
    void AddMechanisms(List<IMechanismState> into);

    /// <summary>
    /// Writes every field in ordinal name order (<see cref="ArchStateFields.Write"/>): <c>-</c> for null, a
    /// primitive's own state (<see cref="IMechanismState.WriteState"/>), or the value.
    /// </summary>
    /// <param name="writer">The state being written.</param>
    /// <param name="referencesOnlyByPresence">
    /// Write a primitive some CPU's state holds as <c>ref@CPU</c> instead of its state: a task's reference to a per-CPU
    /// primitive is state by which CPU it points to, its content is that CPU's.
    /// </param>
    void WriteState(StateWriter writer, bool referencesOnlyByPresence);
}

/// <summary>
/// The per-field steps of the generated <see cref="IArchState{TSelf}"/> members, for a field whose type the generator
/// cannot see (anything but a built-in numeric, <c>bool</c> or <c>char</c>): whether its value is null or a mechanism
/// primitive is decided at run time, as the value's type says. Generic, so the JIT folds the tests away for a
/// struct field.
/// </summary>
public static class ArchStateFields
{
    /// <summary>Replaces <paramref name="field"/> by its copy when it holds a mechanism primitive (one copy per primitive).</summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="field">The field of the copy being made, holding the original's value.</param>
    /// <param name="reusable">The same field of the state the copy replaces: its primitive is reused when it can be.</param>
    /// <param name="copies">The primitives copied so far.</param>
    public static void CopyReference<T>(ref T field, T reusable, PrimitiveCopies copies)
    {
        if (typeof(T).IsValueType || field is not IMechanismState original) return;
        field = (T)copies.CopyOf(original, reusable as IMechanismState);
    }

    /// <summary>Adds <paramref name="value"/> to <paramref name="into"/> when it is a mechanism primitive.</summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="into">The list to add to.</param>
    /// <param name="value">The field's value.</param>
    public static void AddMechanism<T>(List<IMechanismState> into, T value)
    {
        // The value-type test first: an unoptimised (Debug) build would box a struct field to ask it the interface.
        if (!typeof(T).IsValueType && value is IMechanismState state) into.Add(state);
    }

    /// <summary>
    /// Writes a field's value into the state: <c>-</c> for null, <c>ref@CPU</c> or the primitive's own state for a
    /// mechanism primitive, else the value (<see cref="StateWriter.Value{T}"/>).
    /// </summary>
    /// <typeparam name="T">The field's type.</typeparam>
    /// <param name="writer">The state being written.</param>
    /// <param name="label">The field's name and '=', for the text rendering.</param>
    /// <param name="value">The field's value.</param>
    /// <param name="referencesOnlyByPresence">Write <c>ref@CPU</c> for a primitive a CPU's state holds instead of its state.</param>
    public static void Write<T>(StateWriter writer, string label, T value, bool referencesOnlyByPresence)
    {
        writer.Label(label);
        // Folded by the JIT for each struct type: a value type is never null and never a primitive (they are classes).
        if (typeof(T).IsValueType)
        {
            writer.Value(value);
            return;
        }
        switch (value)
        {
            case null: writer.Tag(0, "-"); break;
            // A task's reference to a CPU's primitive is that CPU (ipte-cache's Pinned: the cache of the CPU the section
            // pinned); a primitive no CPU holds is the task's own, and its contents are state.
            case IMechanismState state when referencesOnlyByPresence && writer.OwnerOf(state) is var owner and >= 0:
                writer.Tag(1, "ref@").Cpu(owner);
                break;
            case IMechanismState state when referencesOnlyByPresence:
                writer.Tag(2, "");
                state.WriteState(writer);
                break;
            case IMechanismState state:
                writer.Tag(2, "");
                state.WriteState(writer);
                break;
            default:
                writer.Tag(3, "");
                writer.Value(value);
                break;
        }
    }
}
