using ManifestPolicy.Fixes;
using ManifestPolicy.Fixes.Templates;
using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Fixes;

public sealed class FixTemplatesTests
{
    [Fact]
    public void Every_template_the_providers_use_ships_in_the_assembly_and_in_rules_templates()
    {
        string[] used = ["mp1001-adopt", "mp1001-removed", "mp2001-value", "mp3001-broker", "mp3002-ca-entry", "mp3002-trigger", "mp3002-trigger-authentication", "mp3002-unsafe-ssl"];
        Assert.Equal(used, FixTemplates.BuiltInNames);
        foreach (var name in used)
        {
            Assert.True(File.Exists(Path.Combine(RepoPaths.RulePages, "templates", name + ".scriban")), name);
        }
    }

    [Fact]
    public void A_missing_variable_is_an_error_not_an_empty_string()
    {
        using var dir = new TempDirectory();
        dir.Write("mp3001-broker.scriban", "{{ host }}:{{ expcted_port }}\n");
        var exception = Assert.Throws<FixTemplateException>(() => new FixTemplates(dir.Path).Render("mp3001-broker", new Dictionary<string, object?> { ["host"] = "h", ["expected_port"] = 1 }));
        Assert.Contains("mp3001-broker", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loops_are_limited()
    {
        using var dir = new TempDirectory();
        dir.Write("mp2001-value.scriban", "{{ for i in 1..100000 }}x{{ end }}");
        Assert.Throws<FixTemplateException>(() => new FixTemplates(dir.Path).Render("mp2001-value", new Dictionary<string, object?>()));
    }

    [Fact]
    public void Recursion_is_limited()
    {
        using var dir = new TempDirectory();
        dir.Write("mp2001-value.scriban", "{{ func f(x); ret f(x); end; f(1) }}");
        Assert.Throws<FixTemplateException>(() => new FixTemplates(dir.Path).Render("mp2001-value", new Dictionary<string, object?>()));
    }

    [Fact]
    public void Yaml_quote_makes_any_value_one_scalar()
    {
        var templates = FixTemplates.Default;
        var rendered = templates.Render("mp3002-trigger-authentication", new Dictionary<string, object?>
        {
            ["name"] = "x\nkind: Secret",
            ["namespace"] = "true",
            ["scaled_object"] = "so\n# injected",
            ["secret"] = "*alias",
            ["key"] = "k: v",
        });
        var tree = ManifestPolicy.Syntax.SyntaxTree.Parse(new ManifestPolicy.Syntax.SourceText("t.yaml", rendered));
        Assert.Null(tree.Error);
        var root = Assert.IsType<ManifestPolicy.Syntax.MappingNode>(tree.Documents.Single().Root);
        Assert.Equal("TriggerAuthentication", root.GetString("kind"));
        Assert.Equal("x\nkind: Secret", root.GetMapping("metadata")!.GetString("name"));
        Assert.Equal("true", root.GetMapping("metadata")!.GetScalar("namespace")!.Value);
        Assert.True(root.GetMapping("metadata")!.GetScalar("namespace")!.IsQuoted);
    }

    [Fact]
    public void An_override_changes_the_fix()
    {
        using var dir = new TempDirectory();
        dir.Write("mp3002-unsafe-ssl.scriban", "0\n");
        var file = "apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata:\n  name: s\n  namespace: prod\nspec:\n  scaleTargetRef:\n    name: w\n  triggers:\n    - type: kafka\n      metadata:\n        bootstrapServers: k:9093\n        unsafeSsl: \"true\"\n";
        var result = FixTestHost.Fix(new FixOptions { Templates = new FixTemplates(dir.Path) }, ("so.yaml", file));
        Assert.Contains("unsafeSsl: \"0\"", result.TextOf("so.yaml"), StringComparison.Ordinal);
    }
}
