namespace LazyMmuGen.Runtime;

/// <summary>
/// What one kind of effect is, written once where it is owned: a mechanism's <c>mechanism.yaml</c> (emitted by the
/// generator into the arch that uses it) or the machine itself (<see cref="MachineEffects"/>). Output, the cost
/// table and the docs read it from here.
/// </summary>
/// <param name="Name">The snake_case counter name output uses, e.g. <c>tlb_flush</c>.</param>
/// <param name="Owner">The mechanism that declares it ("tlb-batch"), or <see cref="MachineEffects.Owner"/>.</param>
/// <param name="Position">Its place in its owner's list: counters print grouped by owner, in this order.</param>
/// <param name="Summary">One line saying what is counted, with its kernel source.</param>
/// <param name="Cycles">The default cost of one occurrence in the simulator's cycles (a profile may replace it).</param>
/// <param name="CostSource">Where <paramref name="Cycles"/> comes from ("estimate: ...").</param>
public sealed record EffectDeclaration(string Name, string Owner, int Position, string Summary, double Cycles, string CostSource);
