using Scriban.Runtime;

namespace LazyMmuGen.Generator.Emit.Models;

/// <summary>
/// What a mechanism's hook fragment sees: its parameters (<c>p.capacity</c>), which mechanisms the arch
/// composes (<c>arch.deferred_barriers</c>), the arch's type name, and the effect kinds its definition lists
/// (<c>effect.tlb_flush</c>: the C# expression of that kind; a kind the definition does not list is an error). The C# a fragment writes may use the
/// names docs/templates.md lists (c, w, id, range and the locals fragments share).
/// </summary>
public sealed record FragmentModel(ScriptObject P, ScriptObject Arch, string TypeName, ScriptObject Effect);
