using CsCheck;
using ManifestPolicy.Fixes;
using ManifestPolicy.Fixes.Values;
using YamlDotNet.Serialization;

namespace ManifestPolicy.Tests.Fixes;

public sealed class MP2001FixTests
{
    private static FixOptions With(params string[] assignments)
    {
        var values = new ValueSet();
        foreach (var assignment in assignments)
        {
            values.AddAssignment(assignment);
        }

        return new FixOptions { Values = values };
    }

    private static FixOptions WithValue(string name, string value)
    {
        var values = new ValueSet();
        values.Add(new NamedValue(name, value, null, false, "test"));
        return new FixOptions { Values = values };
    }

    private static string ConfigMap(string line) => $"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: apps\ndata:\n{line}\n  other: kept # comment\n";

    [Theory]
    [InlineData("  k: <HOST>", "  k: db.example.com")]
    [InlineData("  k: 'x-<HOST>'", "  k: 'x-db.example.com'")]
    [InlineData("  k: \"<HOST>:5432\"", "  k: \"db.example.com:5432\"")]
    [InlineData("  k: &a <HOST>", "  k: &a db.example.com")]
    [InlineData("  k: {inner: <HOST>}", "  k: {inner: db.example.com}")]
    public void Keeps_the_quoting_style(string line, string expected)
    {
        var result = FixTestHost.Fix(With("HOST=db.example.com"), ("c.yaml", ConfigMap(line)));
        Assert.Equal(ConfigMap(expected), result.TextOf("c.yaml"));
    }

    [Theory]
    [InlineData("  k: <PORT>", "9094", "  k: \"9094\"")]
    [InlineData("  k: <FLAG>", "true", "  k: \"true\"")]
    [InlineData("  k: <TEXT>", "a: b", "  k: \"a: b\"")]
    [InlineData("  k: '<TEXT>'", "two\nlines", "  k: \"two\\nlines\"")]
    [InlineData("  k: \"<TEXT>\"", "say \"hi\"", "  k: \"say \\\"hi\\\"\"")]
    public void Quotes_a_value_the_plain_or_single_style_cannot_hold(string line, string value, string expected)
    {
        var name = line.Contains("PORT") ? "PORT" : line.Contains("FLAG") ? "FLAG" : "TEXT";
        var result = FixTestHost.Fix(WithValue(name, value), ("c.yaml", ConfigMap(line)));
        Assert.Equal(ConfigMap(expected), result.TextOf("c.yaml"));
    }

    [Fact]
    public void Literal_block_takes_continuation_lines_at_the_placeholder_indentation()
    {
        var result = FixTestHost.Fix(WithValue("CERT", "line one\nline two"), ("c.yaml", ConfigMap("  k: |\n    head\n    <CERT>\n    tail")));
        Assert.Equal(ConfigMap("  k: |\n    head\n    line one\n    line two\n    tail"), result.TextOf("c.yaml"));
    }

    [Fact]
    public void Terraform_list_output_is_joined_with_commas_in_bootstrapServers_only()
    {
        var values = new ValueSet();
        values.LoadJson("""{"brokers": {"value": ["a:9094", "b:9094"], "type": ["list", "string"], "sensitive": false}}""", "outputs.json");
        values.AddMapping("SERVERS=brokers");
        var file = ConfigMap("  bootstrapServers: <SERVERS>\n  topic: <SERVERS>");
        var result = FixTestHost.Fix(new FixOptions { Values = values }, ("c.yaml", file));
        Assert.Contains("bootstrapServers: a:9094,b:9094\n", result.TextOf("c.yaml"), StringComparison.Ordinal);
        var unfixed = Assert.Single(result.Unfixed);
        Assert.Contains("is a list", unfixed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Mapping_decides_and_a_missing_key_is_explained()
    {
        var values = new ValueSet();
        values.AddAssignment("MSK_BOOTSTRAP_SERVERS=wrong:9092");
        values.AddMapping("MSK_BOOTSTRAP_SERVERS=kafka_bootstrap_brokers_tls");
        var result = FixTestHost.Fix(new FixOptions { Values = values }, ("c.yaml", ConfigMap("  k: <MSK_BOOTSTRAP_SERVERS>")));
        Assert.Empty(result.Changed);
        Assert.Contains("kafka_bootstrap_brokers_tls", Assert.Single(result.Unfixed).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Snake_case_names_match_case_insensitively()
    {
        var values = new ValueSet();
        values.LoadYaml("database:\n  hostName: db.internal\n", "values.yaml");
        Assert.Equal("database.hostName", values.Resolve("DATABASE_HOST_NAME").Value?.Name);
        Assert.Null(values.Resolve("DATABASE_HOST").Value);
    }

    [Fact]
    public void Environment_is_used_only_when_asked_and_counts_as_sensitive()
    {
        var values = new ValueSet();
        Assert.Null(values.Resolve("TOKEN").Value);
        values.Environment = name => name == "TOKEN" ? "s3cret" : null;
        var found = values.Resolve("TOKEN").Value!;
        Assert.True(found.Sensitive);
        var result = FixTestHost.Fix(new FixOptions { Values = values }, ("c.yaml", ConfigMap("  k: <TOKEN>")));
        Assert.Contains("s3cret", result.SensitiveValues);
        var diff = UnifiedDiff.Create("c.yaml", "c.yaml", result.Originals["c.yaml"].Text, result.TextOf("c.yaml"), result.SensitiveValues);
        Assert.DoesNotContain("s3cret", diff, StringComparison.Ordinal);
        Assert.Contains("+  k: ***", diff, StringComparison.Ordinal);
    }

    [Fact]
    public void Terraform_sensitive_outputs_are_masked()
    {
        var values = new ValueSet();
        values.LoadJson("""{"password": {"value": "hunter2", "type": "string", "sensitive": true}}""", "outputs.json");
        values.AddMapping("DB_PASSWORD=password");
        var result = FixTestHost.Fix(new FixOptions { Values = values }, ("c.yaml", ConfigMap("  k: <DB_PASSWORD>")));
        Assert.Contains("hunter2", result.TextOf("c.yaml"), StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", result.Applied.Single().Fix.Title, StringComparison.Ordinal);
        Assert.Contains("hunter2", result.SensitiveValues);
    }

    /// <summary>
    /// Whatever the value, in whatever scalar the placeholder sits, the fix either declines or yields a file whose
    /// structure is the original's with exactly that string in place of the placeholder; bytes outside the scalar stay.
    /// </summary>
    [Fact]
    public void No_value_changes_the_structure_and_only_the_scalar_changes()
    {
        var contexts = Gen.OneOf(
            "  k: <V>", "  k: pre-<V>-post", "  k: '<V>'", "  k: \"<V>\"", "  k: \"a\\tb <V>\"", "  k: {inner: <V>, z: 1}", "  k: [<V>, 2]",
            "  k: |\n    <V>\n    next", "  k: >\n    <V>", "  k: &anchor <V>", "  k: !!str <V>");
        var (tried, substituted) = (0, 0);
        Gen.Select(contexts, YamlScalarWriterTests.Hostile).Sample((line, value) =>
        {
            var original = ConfigMap(line);
            var result = FixTestHost.Fix(WithValue("V", value), ("c.yaml", original));
            tried++;
            if (result.Changed.Count == 0)
            {
                Assert.Contains(result.Unfixed, u => u.Diagnostic.Id == "MP2001");
                return;
            }

            substituted++;

            var fixedText = result.TextOf("c.yaml");
            var lineStart = original.IndexOf(line, StringComparison.Ordinal);
            var tail = original[(lineStart + line.Length)..];
            Assert.StartsWith(original[..lineStart], fixedText, StringComparison.Ordinal);
            Assert.EndsWith(tail, fixedText, StringComparison.Ordinal);

            var expectedTree = Deserialize(original, placeholderReplacement: null);
            var actualTree = Deserialize(fixedText, placeholderReplacement: null);
            var expectedValue = Flatten(Lookup(expectedTree)).Replace("<V>", value, StringComparison.Ordinal);
            var actualValue = Flatten(Lookup(actualTree));
            if (line.Contains("|\n", StringComparison.Ordinal) || line.Contains(">\n", StringComparison.Ordinal))
            {
                Assert.Contains(value.Trim(), actualValue, StringComparison.Ordinal);
            }
            else
            {
                Assert.Equal(expectedValue, actualValue);
            }

            Assert.Equal(Shape(expectedTree), Shape(actualTree));
        }, iter: 1500, threads: 1);

        // Declining is always safe; the property is only worth something if most values do get written.
        Assert.True(substituted * 10 > tried * 7, $"only {substituted} of {tried} values were substituted");
    }

    private static Dictionary<object, object> Deserialize(string text, string? placeholderReplacement)
    {
        _ = placeholderReplacement;
        return new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<Dictionary<object, object>>(text);
    }

    private static object Lookup(Dictionary<object, object> root) => ((Dictionary<object, object>)root["data"])["k"];

    /// <summary>The scalar's string, or the strings of a flow collection's values joined, with their types.</summary>
    private static string Flatten(object value) => value switch
    {
        string s => "s:" + s,
        Dictionary<object, object> map => "{" + string.Join(",", map.Select(kv => $"{kv.Key}={Flatten(kv.Value)}")) + "}",
        List<object> list => "[" + string.Join(",", list.Select(Flatten)) + "]",
        _ => value.GetType().Name + ":" + value,
    };

    /// <summary>Keys and types everywhere, values left out: what the structure is.</summary>
    private static string Shape(object? value) => value switch
    {
        Dictionary<object, object> map => "{" + string.Join(",", map.Select(kv => $"{kv.Key}:{Shape(kv.Value)}")) + "}",
        List<object> list => "[" + string.Join(",", list.Select(Shape)) + "]",
        null => "null",
        _ => value.GetType().Name,
    };
}
