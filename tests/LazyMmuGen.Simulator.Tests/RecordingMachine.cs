namespace LazyMmuGen.Simulator.Tests;

/// <summary>A machine with no arch that records the lazy MMU calls a workload makes, for structure tests.</summary>
public sealed class RecordingMachine() : MachineCore(MachineOptions.Default)
{
    public List<string> Calls { get; } = [];

    public override string ArchName => "recording";
    public override bool HasDistinctPauseResume => false;
    public override bool HasLazyMmuMode => true;

    public override void Enable() => Calls.Add("enable");
    public override void EnableWithRange(in PteRange range) => Calls.Add($"enable({range.Mm},{range.End - range.Start >> 12})");
    public override void Disable() => Calls.Add("disable");
    public override void Pause() => Calls.Add("pause");
    public override void Resume() => Calls.Add("resume");
    public override void SetPte(in PteWrite write) => Calls.Add(InInterrupt ? "irq-write" : "write");
    public override Pte GetPte(int mm, ulong addr) => PageTable.Read(mm, addr);
    public override MachineCore Clone() => throw new NotSupportedException("a recording machine is not explored");
    public override void AddMechanismStates(int cpu, List<IMechanismState> into) { }
    public override void CopyFrom(MachineCore source) => throw new NotSupportedException("a recording machine is not explored");
    protected override void WriteArchState(StateWriter writer) { }
    protected override void ArchSwitchOut(int cpu, int task) => Calls.Add($"switch-out {task}");
    protected override void ArchSwitchIn(int cpu, int task) => Calls.Add($"switch-in {task}");

    /// <summary>The calls with runs of writes collapsed: "write×128".</summary>
    public string Summary() => string.Join(" ", Calls.Aggregate(new List<(string Call, int Count)>(), (runs, call) =>
    {
        if (runs.Count > 0 && runs[^1].Call == call) runs[^1] = (call, runs[^1].Count + 1);
        else runs.Add((call, 1));
        return runs;
    }).Select(r => r.Count == 1 ? r.Call : $"{r.Call}×{r.Count}"));
}
