using ManifestPolicy.Analyzers;
using ManifestPolicy.Diagnostics;

namespace ManifestPolicy.Rules;

public sealed class MP1001ScaledObjectHpaConflict : ManifestAnalyzer
{
    public static DiagnosticDescriptor Rule { get; } = new(
        "MP1001",
        "scaledobject-hpa-conflict",
        "HorizontalPodAutoscaler and ScaledObject scale the same workload",
        "Scaling",
        Severity.Error,
        "TODO",
        ["keda"]);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Initialize(AnalyzerRegistration registration)
    {
    }
}
