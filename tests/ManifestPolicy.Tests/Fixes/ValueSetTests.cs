using ManifestPolicy.Fixes.Values;
using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Fixes;

public sealed class ValueSetTests
{
    [Fact]
    public void Reads_terraform_outputs_with_their_sensitivity()
    {
        var values = new ValueSet();
        values.LoadFile(Path.Combine(RepoPaths.Root, "samples/terraform/outputs.json"), "outputs.json");
        Assert.True(values.TryGet("kafka_bootstrap_brokers_tls", out var tls));
        Assert.EndsWith(":9094", tls.Text, StringComparison.Ordinal);
        Assert.False(tls.Sensitive);
    }

    [Fact]
    public void Reads_plain_json_and_yaml_with_nested_keys()
    {
        var values = new ValueSet();
        values.LoadJson("""{"a": "x", "n": 5, "b": true, "l": ["p", 1], "o": {"k": "v"}, "z": null}""", "v.json");
        values.LoadYaml("y: text\nnested:\n  key: 7\nlist: [a, b]\n", "v.yaml");
        Assert.Equal("x", values.Resolve("a").Value!.Text);
        Assert.Equal("5", values.Resolve("n").Value!.Text);
        Assert.Equal("true", values.Resolve("b").Value!.Text);
        Assert.Equal(["p", "1"], values.Resolve("l").Value!.List);
        Assert.Equal("v", values.Resolve("o.k").Value!.Text);
        Assert.Equal("7", values.Resolve("NESTED_KEY").Value!.Text);
        Assert.Equal(["a", "b"], values.Resolve("list").Value!.List);
        Assert.Null(values.Resolve("z").Value);
    }

    [Fact]
    public void Later_sources_win_and_set_wins_over_files()
    {
        var values = new ValueSet();
        values.LoadJson("""{"a": "file"}""", "v.json");
        values.AddAssignment("a=flag");
        Assert.Equal("flag", values.Resolve("a").Value!.Text);
    }

    [Theory]
    [InlineData("{not json", "not valid JSON")]
    [InlineData("[1, 2]", "must hold a JSON object")]
    public void Bad_files_are_one_line_errors(string text, string expected)
    {
        var exception = Assert.Throws<ValueSourceException>(() => new ValueSet().LoadJson(text, "v.json"));
        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("noequals")]
    [InlineData("=value")]
    public void Bad_assignments_are_refused(string assignment) =>
        Assert.Throws<ValueSourceException>(() => new ValueSet().AddAssignment(assignment));

    [Fact]
    public void Ambiguous_snake_matches_ask_for_a_mapping()
    {
        var values = new ValueSet();
        values.AddAssignment("db_host=a");
        values.AddAssignment("dbHost=b");
        Assert.Contains("add a mapping", values.Resolve("DB_HOST").Reason, StringComparison.Ordinal);
    }
}
