using LazyMmuGen.Runtime;

namespace LazyMmuGen.Checker.Oracle;

/// <summary>
/// A reference model of the generic layer, written from SEMANTICS.md and NOT calling the runtime's
/// LazyMmu classes: per-task counters as plain ints with explicit u8 wrap, per revision. It answers
/// "which callbacks, which counters, which first-time warnings" for every API call.
/// </summary>
public sealed class ContractOracle(GenericRevision revision, bool distinctPauseResume)
{
    private readonly Dictionary<int, (int Enable, int Pause)> tasks = new();
    private readonly HashSet<string> fired = [];

    public (int Enable, int Pause) Counters(int task) => tasks.GetValueOrDefault(task);

    public ContractOracle Clone()
    {
        var copy = new ContractOracle(revision, distinctPauseResume);
        foreach (var (task, counters) in tasks) copy.tasks[task] = counters;
        copy.fired.UnionWith(fired);
        return copy;
    }

    public bool IsActive(int task, bool inInterrupt)
    {
        var (enable, pause) = Counters(task);
        return !inInterrupt && enable > 0 && pause == 0;
    }

    public string Fingerprint() =>
        string.Join(";", tasks.OrderBy(t => t.Key).Select(t => $"{t.Key}:{t.Value.Enable},{t.Value.Pause}")) + "|" + string.Join(",", fired.Order());

    /// <summary>Applies one API call and returns what the arch must see plus the warnings that fire for the first time.</summary>
    public (List<OracleCallback> Callbacks, List<string> NewWarnings) Apply(string op, int task, bool inInterrupt)
    {
        var calls = new List<OracleCallback>();
        var warnings = new List<string>();
        if (inInterrupt) return (calls, warnings);
        var (e, p) = Counters(task);
        switch (revision)
        {
            case GenericRevision.Final: Final(op, ref e, ref p, calls, warnings); break;
            case GenericRevision.V3: V3(op, ref e, ref p, calls, warnings); break;
            default: Legacy(op, ref e, ref p, calls); break;
        }
        tasks[task] = (e, p);
        return (calls, warnings);
    }

    private void Final(string op, ref int e, ref int p, List<OracleCallback> calls, List<string> warnings)
    {
        switch (op)
        {
            case "enable" when p == 0:
                if (e == 255) Warn("enable-overflow", warnings);
                e = (e + 1) & 0xFF;
                if (e == 1) calls.Add(OracleCallback.Enter);
                break;
            case "disable" when p == 0:
                if (e == 0) Warn("disable-underflow", warnings);
                e = (e - 1) & 0xFF;
                calls.Add(e == 0 ? OracleCallback.Leave : OracleCallback.Flush);
                break;
            case "pause":
                if (p == 255) Warn("pause-overflow", warnings);
                var wasUnpaused = p == 0;
                p = (p + 1) & 0xFF;
                if (wasUnpaused && e > 0) calls.Add(distinctPauseResume ? OracleCallback.Pause : OracleCallback.Leave);
                break;
            case "resume":
                if (p == 0) Warn("resume-underflow", warnings);
                p = (p - 1) & 0xFF;
                if (p == 0 && e > 0) calls.Add(distinctPauseResume ? OracleCallback.Resume : OracleCallback.Enter);
                break;
        }
    }

    private void V3(string op, ref int count, ref int paused, List<OracleCallback> calls, List<string> warnings)
    {
        switch (op)
        {
            case "enable":
                if (paused != 0) Warn("v3-enable-while-paused", warnings);
                if (count == 255) Warn("enable-overflow", warnings);
                count = (count + 1) & 0xFF;
                if (count == 1)
                {
                    paused = 0;
                    calls.Add(OracleCallback.Enter);
                }
                break;
            case "disable":
                if (count == 0) Warn("disable-underflow", warnings);
                count = (count - 1) & 0xFF;
                if (count == 0) paused = 0;
                calls.Add(count == 0 ? OracleCallback.Leave : OracleCallback.Flush);
                break;
            case "pause" when count > 0:
                if (paused != 0) Warn("v3-nested-pause", warnings);
                paused = 1;
                calls.Add(OracleCallback.Leave);
                break;
            case "resume" when count > 0:
                if (paused == 0) Warn("v3-resume-without-pause", warnings);
                paused = 0;
                calls.Add(OracleCallback.Enter);
                break;
        }
    }

    private static void Legacy(string op, ref int flag, ref int paused, List<OracleCallback> calls)
    {
        paused = 0;
        var entering = op is "enable" or "resume";
        flag = entering ? 1 : 0;
        calls.Add(entering ? OracleCallback.Enter : OracleCallback.Leave);
    }

    private void Warn(string site, List<string> warnings)
    {
        if (fired.Add(site)) warnings.Add(site);
    }
}
