using System.Collections.Generic;
using System.Linq;

namespace LazyMmuGen.Generator.Mechanisms;

/// <summary>Every mechanism a descriptor may name, with its typed parameters.</summary>
public static class MechanismCatalog
{
    public static readonly MechanismDefinition DeferredBarriers = new(
        "deferred-barriers",
        "Valid kernel pte writes inside a section set a per-task flag; flush/leave issue dsb(ishst)+isb once.",
        new[]
        {
            new ParameterDefinition("switch-dsb", ParameterKind.Boolean,
                "Issue a dsb on every context switch (arm64 __switch_to), which is why the flag can live in the task.", "true"),
        },
        _ => new[] { "pte-completion" },
        new Dictionary<string, int> { ["leave"] = HookPhase.Drain, ["flush"] = HookPhase.Drain, ["pause"] = HookPhase.Drain });

    public static readonly MechanismDefinition TlbBatch = new(
        "tlb-batch",
        "Per-CPU batch of TLB invalidations, flushed when a flush key changes, when full, and at flush/leave.",
        new[]
        {
            new ParameterDefinition("capacity", ParameterKind.Integer, "Entries per CPU batch (powerpc and sparc64: 192).") { Min = 1, Max = 255 },
            new ParameterDefinition("flush-keys", ParameterKind.ChoiceList,
                "Properties whose change flushes a non-empty batch before appending.", "mm")
                { Choices = new[] { "mm", "page-size", "segment-size", "huge-page-shift" } },
            new ParameterDefinition("preempt", ParameterKind.Boolean, "Disable preemption from enter to leave.", "true"),
            new ParameterDefinition("only-valid-old", ParameterKind.Boolean,
                "Only a pte whose old value was valid owes an invalidation; writing over an empty pte queues nothing, inside or outside the mode "
                + "(powerpc hash__pte_update(): hpte_need_flush() only if old & H_PAGE_HASHPTE; sparc64 maybe_tlb_batch_add(): pte_accessible(mm, orig)).", "false"),
            new ParameterDefinition("batch-kernel-ptes", ParameterKind.Boolean,
                "Kernel (init_mm) ptes are batched like user ones; false leaves them to the caller's flush_tlb_kernel_range() "
                + "(sparc64 maybe_tlb_batch_add(): mm != &init_mm).", "true"),
            new ParameterDefinition("mm-check-outside-mode", ParameterKind.Boolean,
                "A write to another mm flushes a non-empty batch before the active check, so an interrupt can flush a task's batch early "
                + "(sparc64 tlb_batch_add_one(): nr != 0 && mm != tb->mm).", "false"),
        },
        _ => new[] { "pte-completion", "section-preemption" },
        new Dictionary<string, int>
        {
            ["enter"] = HookPhase.Pin, ["enter-range"] = HookPhase.Pin, ["resume"] = HookPhase.Pin,
            ["leave"] = HookPhase.Release, ["pause"] = HookPhase.Release, ["flush"] = HookPhase.Drain,
        });

    public static readonly MechanismDefinition HypercallBatch = new(
        "hypercall-batch",
        "Per-CPU multicall buffer of mmu_update requests, issued when full and at flush/leave: one entry as a direct hypercall, two or more as a multicall.",
        new[]
        {
            new ParameterDefinition("entries", ParameterKind.Integer, "Multicall entries per CPU (Xen: 32).") { Min = 1, Max = 255 },
            new ParameterDefinition("arg-bytes", ParameterKind.Integer, "Argument bytes per CPU buffer (Xen: 512).") { Min = 1, Max = 65536 },
            new ParameterDefinition("update-bytes", ParameterKind.Integer, "Bytes of one mmu_update request (Xen: 16).", "16") { Min = 1, Max = 4096, AtMost = "arg-bytes" },
            new ParameterDefinition("merge", ParameterKind.Boolean, "Append to the last entry when it is an mmu_update.", "true"),
            new ParameterDefinition("tolerant-enter", ParameterKind.Boolean,
                "Enter/leave tolerate being already entered/left (the 2026 fix); false models the fatal assertion before it.", "true"),
        },
        _ => new[] { "pte-store", "pte-completion", "context-switch" },
        new Dictionary<string, int> { ["leave"] = HookPhase.Drain, ["flush"] = HookPhase.Drain });

    public static readonly MechanismDefinition IpteCache = new(
        "ipte-cache",
        "Per-CPU cache of one page table for the enabled range, written back with multi-entry IPTEs at leave.",
        new[]
        {
            new ParameterDefinition("max-ipte-entries", ParameterKind.Integer, "Entries one IPTE may invalidate (s390: 256).", "256") { Min = 1, Max = 256 },
            new ParameterDefinition("table-entries", ParameterKind.Integer, "Ptes in one cached page table (s390: 256).", "256") { Min = 1, Max = 4096 },
        },
        _ => new[] { "pte-store", "pte-completion", "section-preemption", "enable-range" },
        new Dictionary<string, int>
        {
            ["enter"] = HookPhase.Pin, ["enter-range"] = HookPhase.Pin, ["resume"] = HookPhase.Pin,
            ["leave"] = HookPhase.Release, ["pause"] = HookPhase.Release,
        });

    public static readonly MechanismDefinition RegisterSwitch = new(
        "register-switch",
        "Switch a protection register to the write level once per section, saving the old value; restore it on leave.",
        new[]
        {
            new ParameterDefinition("register", ParameterKind.Identifier, "The system register, e.g. POR_EL1."),
            new ParameterDefinition("levels", ParameterKind.LevelMap, "Named register levels."),
            new ParameterDefinition("default-level", ParameterKind.LevelRef, "Level outside page-table writes.", "DEFAULT") { LevelSource = "levels" },
            new ParameterDefinition("write-level", ParameterKind.LevelRef, "Level that grants page-table writes.", "PGTABLES") { LevelSource = "levels" },
        },
        spec => new[] { "register:" + spec.Get("register") },
        new Dictionary<string, int> { ["leave"] = HookPhase.Restore, ["pause"] = HookPhase.Restore });

    /// <summary>
    /// x86 with PARAVIRT_XXL on bare metal: the arch opts in, so the generic layer runs, but its pv lazy_mode
    /// ops are paravirt_nop (arch/x86/kernel/paravirt.c, native pv_ops). No fragments, no resources.
    /// </summary>
    public static readonly MechanismDefinition ParavirtNop = new(
        "paravirt-nop",
        "Opts in with no-op callbacks: the generic layer runs, enter/leave/flush do nothing (x86 PARAVIRT_XXL on bare metal).",
        new ParameterDefinition[0],
        _ => new string[0]);

    public static IReadOnlyList<MechanismDefinition> All { get; } = new[]
    {
        DeferredBarriers, ParavirtNop, TlbBatch, HypercallBatch, IpteCache, RegisterSwitch,
    };

    public static MechanismDefinition? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    public static string Names => string.Join(", ", All.Select(m => m.Name));
}
