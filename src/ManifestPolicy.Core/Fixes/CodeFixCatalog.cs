using ManifestPolicy.Fixes.Providers;

namespace ManifestPolicy.Fixes;

/// <summary>Every code fix, listed once, in rule ID order. A fix that is not here does not exist.</summary>
public static class CodeFixCatalog
{
    public static IReadOnlyList<CodeFixProvider> Providers { get; } =
    [
        new MP1001ScaledObjectHpaConflictFixProvider(),
        new MP2001UnresolvedPlaceholderFixProvider(),
        new MP3001KafkaTlsPortMismatchFixProvider(),
        new MP3002KafkaUnsafeSslInProductionFixProvider(),
    ];

    public static CodeFixProvider? Find(string ruleId) =>
        Providers.FirstOrDefault(p => p.Rule.Id.Equals(ruleId, StringComparison.OrdinalIgnoreCase));
}
