using System.Globalization;

namespace LazyMmuGen.Simulator.Output;

/// <summary>How numbers are spelt in every format: invariant culture, "-" for a run that stopped.</summary>
public static class Numbers
{
    public static string Cycles(double? cycles) => cycles is double c ? c.ToString("N0", CultureInfo.InvariantCulture) : "-";

    public static string Ratio(double? ratio) => ratio is double r ? r.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    /// <summary>Two significant digits at most, for chart labels: 1, 0.54, 0.2, 0.084.</summary>
    public static string ShortRatio(double? ratio) => ratio switch
    {
        null => "-",
        >= 0.1 => ratio.Value.ToString("0.##", CultureInfo.InvariantCulture),
        _ => ratio.Value.ToString("0.###", CultureInfo.InvariantCulture),
    };

    /// <summary>Round-trippable, for csv and json.</summary>
    public static string Raw(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Short axis labels: 1, 10, 100, 1k, 10k, 100k, 1M, ...</summary>
    public static string Short(double value) => value switch
    {
        >= 1e9 => (value / 1e9).ToString("0.#", CultureInfo.InvariantCulture) + "G",
        >= 1e6 => (value / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 1e3 => (value / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };
}
