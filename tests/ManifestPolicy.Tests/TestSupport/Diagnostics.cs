using ManifestPolicy.Diagnostics;
using ManifestPolicy.Output;
using ManifestPolicy.Rules;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Tests.TestSupport;

/// <summary>Hand-made findings for output tests, independent of any rule's logic.</summary>
public static class TestDiagnostics
{
    public static DiagnosticDescriptor Rule => MP1001ScaledObjectHpaConflict.Rule;

    /// <summary>A finding on the first occurrence of <paramref name="marked"/> in the text.</summary>
    public static Diagnostic At(SourceText text, string marked, string message = "message", Severity severity = Severity.Error, params RelatedLocation[] related)
    {
        var start = text.Text.IndexOf(marked, StringComparison.Ordinal);
        Assert.True(start >= 0, $"'{marked}' not in the text");
        return new Diagnostic(Rule, severity, new Location(text, new TextSpan(start, start + marked.Length)), message, $"{Rule.Id}|{text.Path}|{marked}", related);
    }

    public static RelatedLocation Related(SourceText text, string marked, string message)
    {
        var start = text.Text.IndexOf(marked, StringComparison.Ordinal);
        return new RelatedLocation(new Location(text, new TextSpan(start, start + marked.Length)), message);
    }

    public static AnalysisReport Report(params Diagnostic[] diagnostics) => new(diagnostics, 1, 1, "/repo");
}
