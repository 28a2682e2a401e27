namespace LazyMmuGen.Runtime;

/// <summary>
/// A mechanism's "pte stores happen at the write level" fact (its definition's <c>store-level:</c>, with the arch's
/// parameter values): page tables are writable only while <see cref="Register"/> holds <see cref="Level"/>. The
/// arch's machines fault a store made otherwise (<see cref="PteStoreFaultException"/>), so trace shows it and the model
/// checker reports it as that property.
/// </summary>
/// <param name="Mechanism">The mechanism that declares it, e.g. "register-switch".</param>
/// <param name="Register">The register, e.g. "POR_EL1".</param>
/// <param name="LevelName">The level's name in the descriptor, e.g. "PGTABLES".</param>
/// <param name="Level">The value the register must hold.</param>
public sealed record StoreGuard(string Mechanism, string Register, string LevelName, ulong Level)
{
    /// <summary>"register-switch: POR_EL1 at PGTABLES (1)".</summary>
    public override string ToString() => $"{Mechanism}: {Register} at {LevelName} ({Level})";
}
