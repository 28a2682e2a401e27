namespace LazyMmuGen.Simulator.Output;

/// <summary>A log10 axis over whole decades that covers every value, mapped onto a pixel height.</summary>
public sealed class LogScale
{
    public LogScale(IEnumerable<double> values, double height)
    {
        var positive = values.Where(v => v > 0).DefaultIfEmpty(1).ToArray();
        MinDecade = (int)Math.Floor(Math.Log10(positive.Min()));
        MaxDecade = Math.Max(MinDecade + 1, (int)Math.Ceiling(Math.Log10(positive.Max())));
        Height = height;
    }

    public int MinDecade { get; }
    public int MaxDecade { get; }
    public double Height { get; }

    public IEnumerable<double> Ticks => Enumerable.Range(MinDecade, MaxDecade - MinDecade + 1).Select(d => Math.Pow(10, d));

    /// <summary>Pixels above the axis for <paramref name="value"/>; values at or below the bottom decade give 0.</summary>
    public double Map(double value)
    {
        if (value <= 0) return 0;
        var t = (Math.Log10(value) - MinDecade) / (MaxDecade - MinDecade);
        return Math.Clamp(t, 0, 1) * Height;
    }
}
