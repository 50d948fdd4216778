using ManifestPolicy.Analyzers;
using ManifestPolicy.Diagnostics;

namespace ManifestPolicy.Rules;

public sealed class MP2001UnresolvedPlaceholder : ManifestAnalyzer
{
    public static DiagnosticDescriptor Rule { get; } = new(
        "MP2001",
        "unresolved-placeholder",
        "Placeholder left unsubstituted",
        "Correctness",
        Severity.Error,
        "TODO",
        ["keda"]);

    public override DiagnosticDescriptor Descriptor => Rule;

    public override void Initialize(AnalyzerRegistration registration)
    {
    }
}
