using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using LazyMmuGen.Generator.Model;

namespace LazyMmuGen.Generator.Mechanisms;

/// <summary>
/// A mechanism's optional <c>batching:</c> declaration (docs/mechanisms.md#batching): which of its effect kinds
/// count one batched flush, how many writes one batch carries before it flushes itself (the minimum of
/// <see cref="Capacity"/>'s terms, from the arch's parameter values), and the other allowed flush causes. The
/// model checker checks the bound it gives ("batching is real", docs/contract.md §7).
/// </summary>
public sealed class BatchingDefinition
{
    public BatchingDefinition(IReadOnlyList<string> effects, IReadOnlyList<CapacityTerm> capacity, int perFlush, bool perFlushDistinct, bool keyChanges, int unbatched)
    {
        Effects = effects;
        Capacity = capacity;
        PerFlush = perFlush;
        PerFlushDistinct = perFlushDistinct;
        KeyChanges = keyChanges;
        Unbatched = unbatched;
    }

    public IReadOnlyList<string> Effects { get; }

    /// <summary>Terms whose minimum is the capacity; empty: the batch never fills (one flush per flush point regardless of N).</summary>
    public IReadOnlyList<CapacityTerm> Capacity { get; }

    public int PerFlush { get; }
    public bool PerFlushDistinct { get; }
    public bool KeyChanges { get; }
    public int Unbatched { get; }

    /// <summary>The capacity for one arch's parameter values (at least 1), or null when none is declared.</summary>
    public int? CapacityFor(MechanismSpec spec)
    {
        if (Capacity.Count == 0) return null;
        var min = Capacity.Min(t => t.Value(spec));
        return (int)System.Math.Max(1, System.Math.Min(min, int.MaxValue));
    }
}

/// <summary>
/// One capacity term: <c>A</c>, <c>A / B</c> or either with <c>- K</c> (<c>arg-bytes / update-bytes - 1</c>), where A and
/// B are integer parameters or integer literals and K an integer literal. Integer division rounds down, which
/// can only make the capacity smaller, so the bound looser.
/// </summary>
public sealed class CapacityTerm
{
    public CapacityTerm(string numerator, string? denominator, long minus, string text)
    {
        Numerator = numerator;
        Denominator = denominator;
        Minus = minus;
        Text = text;
    }

    public string Numerator { get; }
    public string? Denominator { get; }
    public long Minus { get; }
    public string Text { get; }

    /// <summary>The parameters the term names.</summary>
    public IEnumerable<string> Parameters => new[] { Numerator, Denominator }.Where(n => n is not null && !IsLiteral(n)).Select(n => n!);

    public long Value(MechanismSpec spec) => Value(spec.Get);

    /// <summary>The term with each parameter's canonical text from <paramref name="valueOf"/>.</summary>
    public long Value(System.Func<string, string> valueOf) => Operand(Numerator, valueOf) / DenominatorValue(valueOf) - Minus;

    /// <summary>The denominator's value (1 when there is none), at least 1.</summary>
    public long DenominatorValue(System.Func<string, string> valueOf) =>
        Denominator is null ? 1 : System.Math.Max(1, Operand(Denominator, valueOf));

    private static long Operand(string operand, System.Func<string, string> valueOf) => IsLiteral(operand)
        ? long.Parse(operand, CultureInfo.InvariantCulture)
        : long.TryParse(valueOf(operand), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : 1;

    public static bool IsLiteral(string operand) => operand.Length > 0 && char.IsDigit(operand[0]);
}
