using static LazyMmuGen.Simulator.Workloads.PageWalk;

namespace LazyMmuGen.Simulator.Workloads;

/// <summary>
/// Task 1 maps N kernel ptes, one section per table, while the world goes on: every 64th write an
/// interrupt writes a kernel pte; half way the task is switched out for task 2, which runs a short
/// section of its own, and switched back in; at three quarters it migrates to the other CPU. A switch
/// or migration waits for the end of the section when the section disabled preemption.
/// </summary>
public sealed class MixedWorkload : IWorkload
{
    public const int InterruptEvery = 64;
    public const int OtherTaskPtes = 16;
    private const int OtherTask = 2;

    public string Name => "mixed";

    public string Description => "map N kernel ptes with an interrupt every 64 writes, a context switch and a migration mid-section";

    public void Run(WorkloadContext context, int size)
    {
        var interrupts = 0;
        foreach (var (_, first, count) in Tables(size))
        {
            context.EnableSection(Range(InitMm, VmallocBase, first, count));
            for (var i = first; i < first + count; i++)
            {
                if (i == size / 2) context.Preempt(() => RunOtherTask(context));
                if (i == size * 3 / 4) context.Preempt(() => Migrate(context));
                context.Write(Kernel(Addr(VmallocBase, i), (ulong)i));
                if (i % InterruptEvery == InterruptEvery - 1)
                {
                    var irq = interrupts++;
                    context.Interrupt(() => context.Write(Kernel(Addr(IrqBase, irq), (ulong)irq)));
                }
            }
            context.Disable();
        }
    }

    private static void RunOtherTask(WorkloadContext context)
    {
        var self = context.Machine.CurrentTaskId;
        context.Machine.Switch(OtherTask);
        context.EnableSection(Range(ChildMm, UserBase, 0, OtherTaskPtes));
        for (var i = 0; i < OtherTaskPtes; i++) context.Write(User(ChildMm, Addr(UserBase, i), (ulong)i));
        context.Disable();
        context.Machine.Switch(self);
    }

    private static void Migrate(WorkloadContext context)
    {
        var machine = context.Machine;
        machine.Migrate((machine.CurrentCpuId + 1) % machine.Cpus.Count);
    }
}
