using System.Text;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Tests.Syntax;

public sealed class SyntaxTreeSpanTests
{
    private static SyntaxTree Parse(string text) => SyntaxTree.Parse(new SourceText("t.yaml", text));

    private static MappingNode Root(SyntaxTree tree, int document = 0) => Assert.IsType<MappingNode>(tree.Documents[document].Root);

    private static string TextOf(SyntaxTree tree, YamlNode node) => tree.Text.GetText(node.Span);

    [Fact]
    public void Scalars_span_exactly_their_text_in_every_style()
    {
        var tree = Parse("plain: hello world\nsingle: 'it''s'\ndouble: \"a\\tb\"\nempty:\nanchored: &a value\n");
        var root = Root(tree);
        Assert.Equal("hello world", TextOf(tree, root.Get("plain")!));
        Assert.Equal("'it''s'", TextOf(tree, root.Get("single")!));
        Assert.Equal("\"a\\tb\"", TextOf(tree, root.Get("double")!));
        Assert.Equal("&a value", TextOf(tree, root.GetEntry("anchored")!.Value));
        Assert.True(root.GetScalar("empty")!.IsNull);
        Assert.Equal(ScalarStyle.SingleQuoted, root.GetScalar("single")!.Style);
        Assert.Equal("it's", root.GetString("single"));
    }

    [Fact]
    public void Block_scalars_end_on_their_last_content_line()
    {
        var tree = Parse("script: |\n  echo one\n  echo two\n\n# trailing comment\nnext: x\n");
        var script = Root(tree).GetScalar("script")!;
        Assert.Equal("|\n  echo one\n  echo two", TextOf(tree, script));
        Assert.Equal("echo one\necho two\n", script.Value);
    }

    [Fact]
    public void Block_collections_end_at_their_last_child_not_at_the_next_token()
    {
        var tree = Parse("spec:\n  a: 1\n  list:\n    - x\n    - y\n  # comment after the list\n\nother: 2\n");
        var spec = Root(tree).GetMapping("spec")!;
        Assert.Equal("a: 1\n  list:\n    - x\n    - y", TextOf(tree, spec));
        Assert.Equal("- x\n    - y", TextOf(tree, spec.GetSequence("list")!));
        Assert.Equal(new LinePosition(2, 3), tree.Text.GetPosition(spec.Span.Start));
        Assert.Equal(new LinePosition(5, 8), tree.Text.GetPosition(spec.Span.End));
    }

    [Fact]
    public void Flow_collections_include_their_brackets()
    {
        var tree = Parse("ref: {kind: Deployment, name: web}\nports: [80, 443]\n");
        var root = Root(tree);
        Assert.Equal("{kind: Deployment, name: web}", TextOf(tree, root.Get("ref")!));
        Assert.Equal("[80, 443]", TextOf(tree, root.Get("ports")!));
        Assert.True(root.GetMapping("ref")!.IsFlow);
    }

    [Fact]
    public void Aliases_resolve_to_their_anchor_and_merge_keys_count()
    {
        var tree = Parse("base: &base\n  name: web\n  kind: Deployment\nref: *base\nmerged:\n  <<: *base\n  name: api\n");
        var root = Root(tree);
        var alias = Assert.IsType<AliasNode>(root.GetEntry("ref")!.Value);
        Assert.Equal("*base", TextOf(tree, alias));
        Assert.Equal("web", Assert.IsType<MappingNode>(alias.Resolve()).GetString("name"));
        Assert.Equal("api", root.GetMapping("merged")!.GetString("name"));
        Assert.Equal("Deployment", root.GetMapping("merged")!.GetString("kind"));
    }

    [Fact]
    public void Multi_document_files_keep_each_document_span_and_index()
    {
        var tree = Parse("a: 1\n---\nb: 2\n---\n# only a comment\n---\nc: 3\n...\n");
        Assert.Null(tree.Error);
        Assert.Equal(4, tree.Documents.Count);
        Assert.Equal([0, 1, 2, 3], tree.Documents.Select(d => d.Index));
        Assert.True(Assert.IsType<ScalarNode>(tree.Documents[2].Root).IsNull);
        Assert.Equal("---\nb: 2", tree.Text.GetText(tree.Documents[1].Span));
        Assert.Equal("---\nc: 3\n...", tree.Text.GetText(tree.Documents[3].Span));
        Assert.False(tree.Documents[0].HasExplicitStart);
    }

    [Fact]
    public void Crlf_and_bom_keep_positions_exact()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("a: 1\r\nspec:\r\n  name: web\r\n")).ToArray();
        var text = SourceText.FromBytes("crlf.yaml", bytes);
        var tree = SyntaxTree.Parse(text);
        Assert.True(text.HasByteOrderMark);
        Assert.Equal("\r\n", text.LineEnding);
        var name = Root(tree).GetMapping("spec")!.GetScalar("name")!;
        Assert.Equal(new LinePosition(3, 9), text.GetPosition(name.Span.Start));
        Assert.Equal("  name: web", text.GetLineText(3));
    }

    [Fact]
    public void Columns_count_utf16_code_units()
    {
        var tree = Parse("note: \"é😀\"\nafter: x\nsame: é😀 <X>\n");
        var same = Root(tree).GetScalar("same")!;
        Assert.Equal(new LinePosition(3, 7), tree.Text.GetPosition(same.Span.Start));
        Assert.Equal(new LinePosition(3, 14), tree.Text.GetPosition(same.Span.End));
    }

    [Fact]
    public void Json_parses_as_yaml_with_positions()
    {
        var tree = Parse("{\n  \"apiVersion\": \"v1\",\n  \"kind\": \"ConfigMap\",\n  \"metadata\": {\"name\": \"x\"}\n}\n");
        var root = Root(tree);
        Assert.Equal("ConfigMap", root.GetString("kind"));
        Assert.Equal(new LinePosition(3, 11), tree.Text.GetPosition(root.Get("kind")!.Span.Start));
        Assert.Equal("{\"name\": \"x\"}", TextOf(tree, root.Get("metadata")!));
    }

    [Fact]
    public void Syntax_errors_keep_documents_before_them_and_point_at_the_problem()
    {
        var tree = Parse("a: 1\n---\nb: [1, 2\nc: 3\n");
        Assert.NotNull(tree.Error);
        Assert.Single(tree.Documents);
        Assert.True(tree.Text.GetPosition(tree.Error!.Span.Start).Line >= 3, tree.Error.Message + " at " + tree.Text.GetPosition(tree.Error.Span.Start));
        Assert.Equal("the flow sequence opened here is not closed", tree.Error.Message);
    }

    [Fact]
    public void Binary_undefined_alias_and_deep_nesting_are_errors_not_exceptions()
    {
        Assert.Contains("binary", Parse("a: 1\0\0").Error!.Message, StringComparison.Ordinal);
        Assert.Contains("*nope", Parse("a: *nope\n").Error!.Message, StringComparison.Ordinal);
        Assert.Contains("nests deeper", Parse(new string('[', 5000) + new string(']', 5000)).Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Alias_bombs_stay_small_because_aliases_are_not_expanded()
    {
        var bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var i = 1; i < 12; i++)
        {
            var previous = (char)('a' + i - 1);
            var current = (char)('a' + i);
            bomb.Append($"{current}: &{current} [{string.Join(",", Enumerable.Repeat("*" + previous, 9))}]\n");
        }

        var tree = Parse(bomb.ToString());
        Assert.Null(tree.Error);
        Assert.Equal(12, Root(tree).Entries.Count);
    }

    [Fact]
    public void Empty_and_comment_only_files_have_no_objects_and_no_error()
    {
        Assert.Empty(Parse(string.Empty).Documents);
        var comments = Parse("# nothing here\n");
        Assert.Null(comments.Error);
        Assert.All(comments.Documents, d => Assert.Null(d.Root));
    }

    [Fact]
    public void Multi_line_quoted_scalars_indented_as_kubectl_accepts_them_parse_with_exact_spans()
    {
        // Argo's examples: the closing quote sits at the parent key's indentation. Go's parser accepts it.
        var text = "spec:\n  container:\n    args: [\"\n      cd /src &&\n      go build\n    \"]\n    image: golang\n";
        var tree = Parse(text);

        Assert.Null(tree.Error);
        var container = Root(tree).GetMapping("spec")!.GetMapping("container")!;
        var arg = Assert.IsType<ScalarNode>(container.GetSequence("args")!.Items[0]);
        Assert.Equal("\"\n      cd /src &&\n      go build\n    \"", TextOf(tree, arg));
        Assert.Equal("golang", container.GetString("image"));
        Assert.Equal(new LinePosition(7, 12), tree.Text.GetPosition(container.Get("image")!.Span.Start));
    }

    [Fact]
    public void Badly_indented_quoted_scalars_elsewhere_are_still_errors()
    {
        Assert.NotNull(Parse("a: \"x\n\" : y\nb: [\n").Error);
    }

    [Fact]
    public void Block_scalars_with_a_leading_blank_line_as_deep_as_the_content_parse_with_exact_positions()
    {
        // istio's Loki addon: the first line of the embedded file holds only the four spaces of the indentation.
        var text = "data:\n  config.yaml: |\n    \n    auth_enabled: false\n    server:\n      port: 3100\nnext: x\n";
        var tree = Parse(text);

        Assert.Null(tree.Error);
        var config = Root(tree).GetMapping("data")!.GetScalar("config.yaml")!;
        Assert.Contains("auth_enabled: false\nserver:\n  port: 3100\n", config.Value, StringComparison.Ordinal);
        Assert.Equal(new LinePosition(7, 7), tree.Text.GetPosition(Root(tree).Get("next")!.Span.Start));
    }
}
