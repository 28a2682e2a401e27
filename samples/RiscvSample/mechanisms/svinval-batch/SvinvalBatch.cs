using System;
using System.Collections.Generic;
using System.Linq;
using LazyMmuGen.Runtime;

namespace RiscvSample.Mechanisms;

/// <summary>
/// The per-CPU queue of the svinval-batch mechanism (mechanism.yaml in this folder): the pending writes whose
/// invalidation a section defers, issued at flush or leave as the kernel's local_flush_tlb_range_threshold_asid()
/// issues a range (arch/riscv/mm/tlbflush.c).
/// </summary>
/// <param name="threshold">The most invalidations issued one by one (tlb_flush_all_threshold: 64).</param>
public sealed class SvinvalBatch(int threshold) : IMechanismState
{
    // Declared in mechanism.yaml next to this file; the generated arch declares them to the runtime.
    private static readonly EffectKind SfenceVma = EffectKind.Named("sfence_vma");
    private static readonly EffectKind SfenceWInval = EffectKind.Named("sfence_w_inval");
    private static readonly EffectKind SinvalVma = EffectKind.Named("sinval_vma");
    private static readonly EffectKind SfenceInvalIr = EffectKind.Named("sfence_inval_ir");
    private static readonly EffectKind SfenceVmaAll = EffectKind.Named("sfence_vma_all");

    private readonly List<(long Id, int Task, int Mm)> queued = [];

    /// <inheritdoc/>
    public string Kind => "svinval-batch";

    /// <inheritdoc/>
    public int Entries => queued.Count;

    /// <inheritdoc/>
    public IEnumerable<int> EntryTasks => queued.Select(q => q.Task);

    /// <inheritdoc/>
    public IEnumerable<int> EntryMms => queued.Select(q => q.Mm);

    /// <summary>SINVAL.VMA names the ASID per instruction, so one batch may hold several mms.</summary>
    public bool KeyedByMm => false;

    /// <summary>Defers the invalidation of one stored pte to the section's flush.</summary>
    public void Queue(long id, int task, int mm) => queued.Add((id, task, mm));

    /// <summary>The Svinval sequence over everything queued, or one full flush past the threshold.</summary>
    public void Flush(MachineCore machine)
    {
        if (queued.Count == 0) return;
        if (queued.Count > threshold)
        {
            machine.Effects.Add(SfenceVmaAll);
        }
        else
        {
            machine.Effects.Add(SfenceWInval);
            machine.Effects.Add(SinvalVma, queued.Count);
            machine.Effects.Add(SfenceInvalIr);
        }
        foreach (var entry in queued) machine.Pending.Complete(entry.Id);
        queued.Clear();
    }

    /// <summary>Outside a section: one sfence.vma for the page (local_flush_tlb_page_asid()), at once.</summary>
    public static void FlushOne(MachineCore machine, long id)
    {
        machine.Effects.Add(SfenceVma);
        machine.Pending.Complete(id);
    }

    /// <inheritdoc/>
    public IMechanismState Clone()
    {
        var copy = new SvinvalBatch(threshold);
        copy.queued.AddRange(queued);
        return copy;
    }

    /// <inheritdoc/>
    public void WriteState(StateWriter writer)
    {
        writer.Label("svinval[").Count(queued.Count);
        foreach (var (_, task, mm) in queued) writer.Int(task).Int(mm);
        writer.Label("]");
    }
}
