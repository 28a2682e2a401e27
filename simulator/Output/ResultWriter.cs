using LazyMmuGen.Runtime.Reporting;

namespace LazyMmuGen.Simulator.Output;

/// <summary>The output formats of `lazymmu simulate`.</summary>
public static class ResultWriter
{
    public static IReadOnlyList<string> Formats { get; } = ["table", "json", "jsonl", "csv", "svg"];

    public static void Write(string format, IReadOnlyList<SimulationResult> results, TextWriter output)
    {
        switch (format)
        {
            case "json" or "jsonl": JsonDocuments.Write(format, results.Select(ResultJson.Line), output); break;
            case "csv": ResultCsv.Write(results, output); break;
            case "svg": output.Write(ResultChart.Render(results) + "\n"); break; // "\n" everywhere: the committed chart is byte-identical on any OS
            case "table": ResultTable.Write(results, output); break;
            default: throw new ArgumentException($"unknown format '{format}'", nameof(format));
        }
    }
}
