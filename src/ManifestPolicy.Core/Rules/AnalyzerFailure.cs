using ManifestPolicy.Analyzers;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Rules;

/// <summary>MP0000: a rule threw. Reported instead of a stack trace so the run and the other rules go on.</summary>
public static class AnalyzerFailure
{
    public static DiagnosticDescriptor Descriptor { get; } = new(
        "MP0000",
        "analyzer-failure",
        "Rule failed while analysing the inputs",
        "Engine",
        Severity.Error,
        "A rule stopped with an internal error. Its findings for this run are missing; the other rules ran. Please report it with the input that caused it.",
        ["engine"]);

    public static Diagnostic Create(ManifestAnalyzer analyzer, Exception ex)
    {
        var text = new SourceText(".", string.Empty);
        return new Diagnostic(
            Descriptor,
            Descriptor.DefaultSeverity,
            new Location(text, new TextSpan(0, 0)),
            $"Rule {analyzer.Descriptor.Id} ({analyzer.Descriptor.Name}) failed with {ex.GetType().Name}: {ex.Message}",
            $"MP0000|{analyzer.Descriptor.Id}",
            []);
    }
}
