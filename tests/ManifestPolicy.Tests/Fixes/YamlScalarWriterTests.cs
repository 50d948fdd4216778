using CsCheck;
using ManifestPolicy.Fixes.Yaml;
using ManifestPolicy.Syntax;
using YamlDotNet.Serialization;

namespace ManifestPolicy.Tests.Fixes;

public sealed class YamlScalarWriterTests
{
    /// <summary>Characters and fragments YAML gives meaning to, mixed with ordinary text.</summary>
    internal static readonly Gen<string> Hostile = Gen.OneOf<string>(
        Gen.OneOf(
            "true", "False", "yes", "NO", "on", "off", "y", "n", "null", "~", "Null", "", " ", "  lead", "trail  ", "0", "-1", "+1", "1e3", "0x1F", "0o17", "017",
            "1_000", ".5", "1.", ".inf", "-.Inf", ".NaN", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "1:20", "12:30:00", "=", "<<", "---", "...", "- item", "? key",
            "key: value", "a #b", "#comment", "&anchor", "*alias", "!tag", "!!str x", "%YAML", "@at", "`tick", "|", ">", "'", "\"", "''", "\\", "a\nb", "a\r\nb", "\n",
            "\t", "a\tb", "[a, b]", "{a: b}", "a,b", "x:", ":x", "\u0085", "\u2028", "\u00A0", "\uFEFF", "\u0000", "\u001B", "\u007F", "é", "日本", "\U0001F600").Select(s => s),
        Gen.String[Gen.Char["abc :#-?&*!|>'\"%@`,[]{}\n\r\t\\~=<.01eE+_xXtTyYnN\u0085\u2028\u00E9"], 0, 24]);

    [Theory]
    [InlineData("b-1.example.com:9094,b-2.example.com:9094", ScalarStyle.Plain, "b-1.example.com:9094,b-2.example.com:9094")]
    [InlineData("true", ScalarStyle.Plain, "\"true\"")]
    [InlineData("9094", ScalarStyle.Plain, "\"9094\"")]
    [InlineData("a: b", ScalarStyle.Plain, "\"a: b\"")]
    [InlineData("it's", ScalarStyle.SingleQuoted, "'it''s'")]
    [InlineData("line\nbreak", ScalarStyle.SingleQuoted, "\"line\\nbreak\"")]
    [InlineData("*ref", ScalarStyle.Plain, "\"*ref\"")]
    [InlineData("plain", ScalarStyle.DoubleQuoted, "\"plain\"")]
    [InlineData("a,b", ScalarStyle.Plain, "a,b")]
    public void Writes_the_expected_scalar(string value, ScalarStyle style, string expected) =>
        Assert.Equal(expected, YamlScalarWriter.Write(value, style));

    [Fact]
    public void Flow_context_quotes_flow_indicators() =>
        Assert.Equal("\"a,b\"", YamlScalarWriter.Write("a,b", ScalarStyle.Plain, inFlow: true));

    [Fact]
    public void Unpaired_surrogates_are_refused() =>
        Assert.Throws<ArgumentException>(() => YamlScalarWriter.Write("a\uD800b"));

    [Fact]
    public void Any_value_in_any_style_and_context_reads_back_as_the_same_string()
    {
        var styles = Gen.OneOf(ScalarStyle.Plain, ScalarStyle.SingleQuoted, ScalarStyle.DoubleQuoted);
        Gen.Select(Hostile, styles, Gen.Bool).Sample((value, style, inFlow) =>
        {
            var scalar = YamlScalarWriter.Write(value, style, inFlow);
            var document = inFlow ? $"root: {{k: {scalar}, other: 1}}\n" : $"root:\n  k: {scalar}\n  other: 1\n";
            AssertReadsBack(document, value);
        }, iter: 3000);
    }

    /// <summary>Our parser and YamlDotNet (resolving plain scalars to bool, number and null) both read the value back.</summary>
    internal static void AssertReadsBack(string document, string expected, string key = "k")
    {
        var tree = SyntaxTree.Parse(new SourceText("t.yaml", document));
        Assert.Null(tree.Error);
        var root = Assert.IsType<MappingNode>(tree.Documents.Single().Root);
        var mapping = Assert.IsType<MappingNode>(root.Get("root"));
        Assert.Equal(["k", "other"], mapping.Entries.Select(e => e.KeyText));
        Assert.Equal(expected, Assert.IsType<ScalarNode>(mapping.Get(key)).Value);

        var typed = new DeserializerBuilder().WithAttemptingUnquotedStringTypeDeserialization().Build().Deserialize<Dictionary<object, object>>(document);
        var inner = Assert.IsType<Dictionary<object, object>>(typed["root"]);
        Assert.Equal(2, inner.Count);
        Assert.Equal(expected, Assert.IsType<string>(inner[key]));
    }
}
