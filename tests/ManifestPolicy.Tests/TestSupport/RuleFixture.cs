using ManifestPolicy.Analyzers;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Inputs;
using ManifestPolicy.Output;
using ManifestPolicy.Rules;

namespace ManifestPolicy.Tests.TestSupport;

/// <summary>
/// The fixtures of one rule under tests/ManifestPolicy.Tests/Rules/ID/: bad.yaml (or a bad/ folder) and good.yaml (or
/// good/), and the expected outputs of bad. Paths are relative to the rule's folder, SRCROOT a fixed fake folder, so
/// golden files do not depend on the machine.
/// </summary>
public sealed class RuleFixture(string id)
{
    public string Id { get; } = id;

    public string Folder => Path.Combine(RepoPaths.RuleFixtures, Id);

    public ManifestAnalyzer Analyzer => RuleCatalog.Analyzers.Single(a => a.Descriptor.Id == Id);

    /// <summary>"bad.yaml", or "bad" when the rule needs several files; null when neither exists.</summary>
    public string? Input(string name) =>
        Directory.Exists(Path.Combine(Folder, name)) ? name
        : File.Exists(Path.Combine(Folder, name + ".yaml")) ? name + ".yaml"
        : null;

    /// <summary>The findings of this rule alone on an input, as a report.</summary>
    public AnalysisReport Analyze(string name)
    {
        var input = Input(name) ?? throw new InvalidOperationException($"{Id} has no {name}.yaml nor {name}/ fixture in {Folder}");
        var inputs = new InputLoader(new InputLoaderOptions { BaseDirectory = Folder }).Load([input]);
        var report = AnalysisReport.Analyze(inputs, "/fixtures/" + Id, analyzers: [Analyzer]);
        return report with { Diagnostics = [.. report.Diagnostics.Where(d => d.Id == Id)] };
    }

    public string Text(AnalysisReport report)
    {
        var writer = new StringWriter { NewLine = "\n" };
        new TextDiagnosticWriter(writer).Write(report);
        return writer.ToString();
    }

    public string Sarif(AnalysisReport report)
    {
        var writer = new StringWriter { NewLine = "\n" };
        new SarifLogWriter(writer, new SarifWriterOptions { Rules = [Analyzer.Descriptor] }).Write(report);
        return writer.ToString();
    }

    public static IEnumerable<string> AnalyzerIds => RuleCatalog.Analyzers.Select(a => a.Descriptor.Id);
}

public static class Golden
{
    /// <summary>
    /// Compares output with a golden file; with MANIFESTPOLICY_ACCEPT=1 writes the output there instead (review the
    /// diff before committing it).
    /// </summary>
    public static void Verify(string path, string actual)
    {
        actual = actual.ReplaceLineEndings("\n");
        if (RepoPaths.Accept)
        {
            File.WriteAllText(path, actual);
            return;
        }

        Assert.True(File.Exists(path), $"Golden file {path} is missing; run with MANIFESTPOLICY_ACCEPT=1 to create it. Actual output:\n{actual}");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}

public static class DiagnosticsExtensions
{
    public static IEnumerable<Diagnostic> OfRule(this IEnumerable<Diagnostic> diagnostics, string id) => diagnostics.Where(d => d.Id == id);
}
