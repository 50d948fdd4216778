using ManifestPolicy.Analyzers;
using ManifestPolicy.Diagnostics;

namespace ManifestPolicy.Rules;

/// <summary>Every rule, listed once, in ID order. A rule that is not here does not exist.</summary>
public static class RuleCatalog
{
    public static IReadOnlyList<ManifestAnalyzer> Analyzers { get; } =
    [
        new MP0001InvalidYaml(),
        new MP1001ScaledObjectHpaConflict(),
        new MP2001UnresolvedPlaceholder(),
        new MP3001KafkaTlsPortMismatch(),
        new MP3002KafkaUnsafeSslInProduction(),
    ];

    /// <summary>Rules the engine itself reports, not an analyzer.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> EngineDescriptors { get; } =
    [
        AnalyzerFailure.Descriptor,
        MP0002UnusedSuppression.Descriptor,
    ];

    public static IReadOnlyList<DiagnosticDescriptor> Descriptors { get; } =
        [.. Analyzers.Select(a => a.Descriptor).Concat(EngineDescriptors).OrderBy(d => d.Id, StringComparer.Ordinal)];

    /// <summary>Finds a rule by ID (MP1001) or by name (scaledobject-hpa-conflict), ignoring case.</summary>
    public static DiagnosticDescriptor? Find(string idOrName) =>
        Descriptors.FirstOrDefault(d => d.Id.Equals(idOrName, StringComparison.OrdinalIgnoreCase) || d.Name.Equals(idOrName, StringComparison.OrdinalIgnoreCase));
}
