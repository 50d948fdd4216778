using System.Text.RegularExpressions;
using ManifestPolicy.Analyzers;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Fixes;
using ManifestPolicy.Rules;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Tests.Fixes;

/// <summary>Runs fixes over in-memory files, the way `manifestpolicy fix` runs them over a folder.</summary>
internal static partial class FixTestHost
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The catalogue, with MP2001 stood in for while its rule body reports nothing.</summary>
    public static IReadOnlyList<ManifestAnalyzer> Analyzers { get; } = ChooseAnalyzers();

    public static FixRunResult Fix(FixOptions options, params (string Path, string Text)[] files) =>
        new FixRunner(options, analyzers: Analyzers).Run([.. files.Select(f => SyntaxTree.Parse(new SourceText(f.Path, f.Text)))]);

    public static FixRunResult Fix(params (string Path, string Text)[] files) => Fix(new FixOptions(), files);

    public static string TextOf(this FixRunResult result, string path) =>
        result.Changed.TryGetValue(path, out var text) ? text.Text : result.Originals[path].Text;

    public static string Sample(string relative) => File.ReadAllText(Path.Combine(RepoRoot, "samples", relative));

    private static string FindRepoRoot()
    {
        var directory = AppContext.BaseDirectory;
        while (directory is not null && !File.Exists(Path.Combine(directory, "ManifestPolicy.sln")))
        {
            directory = Path.GetDirectoryName(directory);
        }

        return directory ?? throw new InvalidOperationException("repository root not found");
    }

    private static IReadOnlyList<ManifestAnalyzer> ChooseAnalyzers()
    {
        var probe = SyntaxTree.Parse(new SourceText("probe.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: <SOME_VALUE>\n"));
        var real = new AnalyzerDriver().Analyze(ManifestPolicy.Semantics.ManifestCompilation.Create([probe])).Any(d => d.Id == "MP2001");
        return real ? RuleCatalog.Analyzers : [.. RuleCatalog.Analyzers.Where(a => a.Descriptor.Id != "MP2001"), new PlaceholderStandIn()];
    }

    /// <summary>Reports &lt;NAME&gt; placeholders with MP2001's properties, so fixes can be tested before the rule lands.</summary>
    private sealed partial class PlaceholderStandIn : ManifestAnalyzer
    {
        public override DiagnosticDescriptor Descriptor => MP2001UnresolvedPlaceholder.Rule;

        [GeneratedRegex("<([A-Z][A-Z0-9_]*)>")]
        private static partial Regex Placeholder();

        public override void Initialize(AnalyzerRegistration registration) =>
            registration.RegisterFileAction(context =>
            {
                foreach (var document in context.Tree.Documents)
                {
                    if (document.Root is { } root)
                    {
                        Visit(context, root);
                    }
                }
            });

        private void Visit(FileAnalysisContext context, YamlNode node)
        {
            switch (node)
            {
                case MappingNode mapping:
                    foreach (var entry in mapping.Entries)
                    {
                        Visit(context, entry.Value);
                    }

                    break;
                case SequenceNode sequence:
                    foreach (var item in sequence.Items)
                    {
                        Visit(context, item);
                    }

                    break;
                case ScalarNode scalar:
                    var raw = context.Tree.Text.GetText(scalar.Span);
                    foreach (Match match in Placeholder().Matches(raw))
                    {
                        var start = scalar.Span.Start + match.Index;
                        context.Report(context.Create(Descriptor, context.Tree.Text, new TextSpan(start, start + match.Length), $"{match.Value} at {start}", $"MP2001|{context.Tree.Path}|{start}") with
                        {
                            Properties = new Dictionary<string, string>
                            {
                                ["placeholder"] = match.Value,
                                ["placeholderName"] = match.Groups[1].Value,
                                ["path"] = string.Empty,
                                ["spanStart"] = start.ToString(System.Globalization.CultureInfo.InvariantCulture),
                                ["spanLength"] = match.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
                            },
                        });
                    }

                    break;
            }
        }
    }
}
