using ManifestPolicy.Configuration;
using ManifestPolicy.Analyzers;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Inputs;
using ManifestPolicy.Output;
using ManifestPolicy.Syntax;
using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Inputs;

public sealed class InputLoaderTests
{
    private const string ConfigMap = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n";

    private static InputSet Load(TempDirectory dir, params string[] paths) => Load(dir, new InputLoaderOptions(), paths);

    private static InputSet Load(TempDirectory dir, InputLoaderOptions options, params string[] paths) =>
        new InputLoader(options with { BaseDirectory = dir.Path }).Load(paths);

    private static string[] Paths(InputSet inputs) => [.. inputs.Trees.Select(t => t.Path)];

    [Fact]
    public void Directory_walk_keeps_manifests_and_skips_what_is_not_one()
    {
        using var dir = new TempDirectory();
        dir.Write("b/deploy.yaml", ConfigMap);
        dir.Write("a.yml", ConfigMap);
        dir.Write("c.json", """{"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "j"}}""");
        dir.Write("values.yaml", "replicas: 3\n");
        dir.Write("README.md", ConfigMap);
        dir.Write(".github/workflows/ci.yaml", ConfigMap);
        dir.Write("node_modules/x/pkg.yaml", ConfigMap);
        dir.Write("chart/Chart.yaml", "name: chart\n");
        dir.Write("chart/templates/deploy.yaml", "apiVersion: {{ .Values.v }}\nkind: [\n");
        dir.Write("notchart/templates/t.yaml", ConfigMap);
        dir.Write("broken/manifest.yaml", "apiVersion: v1\nkind: ConfigMap\ndata: [1, 2\n");
        dir.Write("broken/other.yaml", "key: [1, 2\n");

        var inputs = Load(dir, ".");

        Assert.Equal(["a.yml", "b/deploy.yaml", "broken/manifest.yaml", "c.json", "notchart/templates/t.yaml"], Paths(inputs));
        Assert.Equal(5, inputs.FileCount);
    }

    [Fact]
    public void Explicit_files_are_always_analysed()
    {
        using var dir = new TempDirectory();
        dir.Write("values.yaml", "key: [1, 2\n");
        dir.Write(".hidden.yaml", "replicas: 3\n");
        var inputs = Load(dir, "values.yaml", ".hidden.yaml");
        Assert.Equal([".hidden.yaml", "values.yaml"], Paths(inputs));
        Assert.NotNull(inputs.Trees.Single(t => t.Path == "values.yaml").Error);
    }

    [Fact]
    public void Paths_are_relative_with_forward_slashes_or_absolute_outside_the_base()
    {
        using var dir = new TempDirectory();
        using var outside = new TempDirectory();
        dir.Write("deep/er/x.yaml", ConfigMap);
        var other = outside.Write("y.yaml", ConfigMap);
        var inputs = Load(dir, Path.Combine(dir.Path, "deep"), other);
        Assert.Equal(["deep/er/x.yaml", other.Replace('\\', '/')], Paths(inputs).OrderBy(p => p.StartsWith('/')).ToArray());
    }

    [Fact]
    public void Missing_path_is_a_one_line_error()
    {
        using var dir = new TempDirectory();
        var ex = Assert.Throws<InputException>(() => Load(dir, "nope.yaml"));
        Assert.Equal("'nope.yaml' does not exist", ex.Message);
    }

    [Fact]
    public void Standard_input_is_read_as_a_file_named_stdin()
    {
        using var dir = new TempDirectory();
        var options = new InputLoaderOptions { OpenStandardInput = () => new MemoryStream("\uFEFFapiVersion: v1\nkind: ConfigMap\n"u8.ToArray()) };
        var tree = Assert.Single(Load(dir, options, "-").Trees);
        Assert.Equal("<stdin>", tree.Path);
        Assert.True(tree.Text.HasByteOrderMark);
    }

    [Fact]
    public void Binary_and_oversized_files_become_parse_errors_not_exceptions()
    {
        using var dir = new TempDirectory();
        dir.WriteBytes("bin.yaml", [0x61, 0x3A, 0x00, 0x01]);
        dir.Write("big.yaml", ConfigMap + new string('#', 200) + "\n");
        var inputs = Load(dir, new InputLoaderOptions { Limits = new YamlParseLimits(50, 100) }, "bin.yaml", "big.yaml");
        Assert.Contains("NUL", inputs.Trees.Single(t => t.Path == "bin.yaml").Error!.Message, StringComparison.Ordinal);
        Assert.Contains("larger than", inputs.Trees.Single(t => t.Path == "big.yaml").Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Exclude_globs_skip_files_and_folders_in_a_walk()
    {
        using var dir = new TempDirectory();
        dir.Write("keep.yaml", ConfigMap);
        dir.Write("gen/out.yaml", ConfigMap);
        dir.Write("env/prod/secret.enc.yaml", ConfigMap);
        dir.Write("env/prod/app.yaml", ConfigMap);
        var globs = new[] { "gen", "**/*.enc.yaml" }.Select(g => new RelativePathGlob(g, dir.Path)).ToList();
        var inputs = Load(dir, new InputLoaderOptions { IsExcludedPath = path => globs.Any(g => g.IsMatch(path)) }, ".");
        Assert.Equal(["env/prod/app.yaml", "keep.yaml"], Paths(inputs));
    }


    [Fact]
    public void Context_files_are_seen_by_rules_but_only_given_paths_are_reported()
    {
        using var dir = new TempDirectory();
        dir.Write("k8s/hpa.yaml", "apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: orders\n");
        dir.Write("k8s/scaledobject.yaml", "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: orders\n");
        var inputs = Load(dir, new InputLoaderOptions { ContextDirectory = "k8s" }, "k8s/scaledobject.yaml");

        Assert.Equal(["k8s/hpa.yaml", "k8s/scaledobject.yaml"], Paths(inputs));
        Assert.Equal(["k8s/scaledobject.yaml"], inputs.ReportedPaths);
        var report = AnalysisReport.Analyze(inputs, dir.Path, analyzers: [new EveryObjectOfABothKindsPair()]);
        var finding = Assert.Single(report.Diagnostics);
        Assert.Equal("k8s/scaledobject.yaml", finding.Location.Path);
        Assert.Equal(1, report.FileCount);
        Assert.Equal(1, report.ObjectCount);
    }

    /// <summary>A cross-file rule in miniature: when both kinds exist, it reports on every object of either kind.</summary>
    private sealed class EveryObjectOfABothKindsPair : ManifestAnalyzer
    {
        public override DiagnosticDescriptor Descriptor => TestDiagnostics.Rule;

        public override void Initialize(AnalyzerRegistration registration) =>
            registration.RegisterCompilationAction(context =>
            {
                var hpas = context.Compilation.GetObjectsOfKind("HorizontalPodAutoscaler");
                var scaledObjects = context.Compilation.GetObjectsOfKind("ScaledObject");
                if (hpas.Count == 0 || scaledObjects.Count == 0)
                {
                    return;
                }

                foreach (var obj in hpas.Concat(scaledObjects))
                {
                    context.Report(context.Create(Descriptor, obj.Text, obj.IdentityNode.Span, "pair", obj.Path));
                }
            });
    }
}
