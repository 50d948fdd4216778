using ManifestPolicy.Semantics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Tests.Schemas;

/// <summary>
/// The samples and fixtures must be objects KEDA would accept, or rule tests prove things about manifests nobody can
/// apply. Validated against KEDA 2.20.2's own CRDs (tests/schemas/keda).
/// </summary>
public sealed class KedaCrdSchemaTests
{
    private static readonly Lazy<Dictionary<string, MappingNode>> Schemas = new(LoadSchemas);

    public static TheoryData<string> ManifestFiles()
    {
        var root = RepositoryRoot();
        var data = new TheoryData<string>();
        var folders = new[] { "samples", "tests/ManifestPolicy.Tests/Rules" };
        foreach (var folder in folders.Select(f => Path.Combine(root, f)).Where(Directory.Exists))
        {
            foreach (var file in Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                data.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(ManifestFiles))]
    public void Keda_objects_in_samples_and_fixtures_are_valid_against_the_crds(string file)
    {
        var text = new SourceText(file, File.ReadAllText(Path.Combine(RepositoryRoot(), file)));
        var tree = SyntaxTree.Parse(text);
        var compilation = ManifestCompilation.Create([tree]);
        var errors = new List<string>();
        foreach (var obj in compilation.Objects.Where(o => o.Group == "keda.sh" && Schemas.Value.ContainsKey(o.Kind)))
        {
            if (obj.Spec is { } spec && !ContainsPlaceholderFixture(file))
            {
                errors.AddRange(StructuralSchemaValidator.Validate(Schemas.Value[obj.Kind].GetMapping("properties")!.GetMapping("spec")!, spec, text, "spec"));
            }
        }

        Assert.Empty(errors);
    }

    [Fact]
    public void The_validator_rejects_what_the_api_server_rejects()
    {
        var text = new SourceText("bad.yaml", """
            scaleTargetRef: {name: web}
            minReplicaCount: "1"
            pollingIntervall: 30
            triggers:
              - type: kafka
                metadata:
                  lagThreshold: 5
                  tls: enable
            advanced:
              scalingModifiers: {formula: "a + b", metricType: Average}
            """);
        var spec = Assert.IsType<MappingNode>(SyntaxTree.Parse(text).Documents[0].Root);
        var errors = StructuralSchemaValidator.Validate(Schemas.Value["ScaledObject"].GetMapping("properties")!.GetMapping("spec")!, spec, text, "spec");
        Assert.Contains(errors, e => e.Contains("spec.minReplicaCount: expected a integer, found string '1'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("spec.pollingIntervall: unknown field", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("spec.triggers[0].metadata.lagThreshold: expected a string, found integer '5'", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("spec.advanced.scalingModifiers.metricType: 'Average' is not one of [AverageValue, Value]", StringComparison.Ordinal));
        Assert.Equal(4, errors.Count);
    }

    /// <summary>MP2001's bad fixture puts placeholders where numbers belong, on purpose.</summary>
    private static bool ContainsPlaceholderFixture(string file) => file.Contains("/MP2001/bad", StringComparison.Ordinal);

    private static Dictionary<string, MappingNode> LoadSchemas()
    {
        var schemas = new Dictionary<string, MappingNode>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "tests/schemas/keda"), "*.yaml"))
        {
            var crd = Assert.IsType<MappingNode>(SyntaxTree.Parse(new SourceText(file, File.ReadAllText(file))).Documents[0].Root);
            var kind = crd.GetMapping("spec")!.GetMapping("names")!.GetString("kind")!;
            var version = crd.GetMapping("spec")!.GetSequence("versions")!.Items.OfType<MappingNode>().Single(v => v.GetString("name") == "v1alpha1");
            schemas[kind] = version.GetMapping("schema")!.GetMapping("openAPIV3Schema")!;
        }

        return schemas;
    }

    internal static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ManifestPolicy.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("the repository root (ManifestPolicy.sln) was not found above the test binaries");
    }
}
