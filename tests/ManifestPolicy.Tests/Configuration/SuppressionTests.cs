using ManifestPolicy.Configuration;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Suppressions;
using ManifestPolicy.Syntax;
using static ManifestPolicy.Tests.Configuration.Findings;

namespace ManifestPolicy.Tests.Configuration;

public class SuppressionTests
{
    private static IReadOnlyList<Diagnostic> Filter(SyntaxTree tree, params Diagnostic[] diagnostics) =>
        new DiagnosticFilter().Apply(Compile(tree), diagnostics);

    private static Diagnostic Single(IReadOnlyList<Diagnostic> result, string id) => Assert.Single(result, d => d.Id == id);

    [Fact]
    public void Disable_next_line_hides_the_finding_on_the_next_line_with_its_reason()
    {
        var tree = Parse("a.yaml", """
            data:
              # manifestpolicy-disable-next-line MP2001 -- rendered by the deploy job
              servers: <MSK_BOOTSTRAP_SERVERS>
              other: <OTHER>
            """);

        var result = Filter(tree, At(tree, "<MSK_BOOTSTRAP_SERVERS>", MP2001), At(tree, "<OTHER>", MP2001));

        Assert.Equal(new Suppression(SuppressionKind.InSource, "rendered by the deploy job"), result[0].Suppression);
        Assert.Null(result[1].Suppression);
        Assert.DoesNotContain(result, d => d.Id == "MP0002");
    }

    [Fact]
    public void Disable_next_line_skips_blank_and_comment_lines_and_names_are_ids()
    {
        var tree = Parse("a.yaml", """
            data:
              # manifestpolicy-disable-next-line unresolved-placeholder
              # manifestpolicy-disable-next-line kafka-tls-port-mismatch, MP2001

              servers: <X>
            """);

        var result = Filter(tree, At(tree, "<X>", MP2001), At(tree, "servers", MP3001));

        Assert.All(result, d => Assert.Equal(SuppressionKind.InSource, d.Suppression?.Kind));
        Assert.Null(result[0].Suppression!.Justification);
    }

    [Fact]
    public void A_hash_inside_a_string_is_not_a_comment()
    {
        var tree = Parse("a.yaml", """
            data:
              note: "# manifestpolicy-disable-next-line MP2001"
              servers: <X>
              block: |
                # manifestpolicy-disable-file
            """);

        var result = Filter(tree, At(tree, "<X>", MP2001));

        Assert.Null(Assert.Single(result).Suppression);
    }

    [Fact]
    public void Disable_and_enable_bound_a_range()
    {
        var tree = Parse("a.yaml", """
            data:
              before: <A>
              # manifestpolicy-disable MP2001 -- generated block
              inside: <B>
              also: <C>
              # manifestpolicy-enable MP2001
              after: <D>
            """);

        var result = Filter(tree, At(tree, "<A>", MP2001), At(tree, "<B>", MP2001), At(tree, "<C>", MP2001), At(tree, "<D>", MP2001));

        Assert.Equal([false, true, true, false], result.Select(d => d.Suppression is not null));
        Assert.Equal("generated block", result[1].Suppression!.Justification);
    }

    [Fact]
    public void Enable_of_one_rule_ends_it_inside_a_disable_of_all()
    {
        var tree = Parse("a.yaml", """
            data:
              # manifestpolicy-disable
              # manifestpolicy-enable MP2001
              x: <A>
            """);

        var result = Filter(tree, At(tree, "<A>", MP2001), At(tree, "x", MP3001));

        Assert.Null(Single(result, "MP2001").Suppression);
        Assert.NotNull(Single(result, "MP3001").Suppression);
    }

    [Fact]
    public void Disable_file_hides_the_rule_everywhere_in_the_file_and_no_id_means_all()
    {
        var tree = Parse("a.yaml", """
            # manifestpolicy-disable-file MP3001 -- brokers are on a private network
            data:
              a: <A>
              b: PLAINTEXT
            """);
        var other = Parse("b.yaml", "# manifestpolicy-disable-file\ndata:\n  a: <A>\n  b: PLAINTEXT\n");

        var result = new DiagnosticFilter().Apply(
            Compile(tree, other),
            [At(tree, "<A>", MP2001), At(tree, "PLAINTEXT", MP3001), At(other, "<A>", MP2001), At(other, "PLAINTEXT", MP3001)]);

        Assert.Equal([false, true, true, true], result.Select(d => d.Suppression is not null));
        Assert.Equal("brokers are on a private network", result[1].Suppression!.Justification);
    }

    [Fact]
    public void Annotation_hides_findings_inside_its_object_only()
    {
        var tree = Parse("a.yaml", """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: first
              annotations:
                manifestpolicy.io/suppress: "MP2001, kafka-tls-port-mismatch"
                manifestpolicy.io/suppress-reason: filled in by Helm
            data:
              a: <A>
              b: PLAINTEXT
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: second
            data:
              a: <A>
            """);

        var result = Filter(tree, At(tree, "<A>", MP2001), At(tree, "PLAINTEXT", MP3001), At(tree, "<A>", MP2001, occurrence: 1));

        Assert.Equal(new Suppression(SuppressionKind.InSource, "filled in by Helm"), result[0].Suppression);
        Assert.NotNull(result[1].Suppression);
        Assert.Null(result[2].Suppression);
        Assert.DoesNotContain(result, d => d.Id == "MP0002");
    }

    [Fact]
    public void A_suppression_that_matches_nothing_is_reported_as_MP0002_note()
    {
        var tree = Parse("a.yaml", """
            data:
              # manifestpolicy-disable-next-line MP2001, MP3001
              servers: <X>
            """);

        var result = Filter(tree, At(tree, "<X>", MP2001));

        var unused = Single(result, "MP0002");
        Assert.Equal(Severity.Note, unused.Severity);
        Assert.Equal(2, unused.Location.Position.Start.Line);
        Assert.Equal(3, unused.Location.Position.Start.Column);
        Assert.Equal("This suppression of MP3001 (kafka-tls-port-mismatch) for line 3 matches no finding; remove MP3001 from it.", unused.Message);
        Assert.Null(unused.Suppression);
    }

    [Theory]
    [InlineData("# manifestpolicy-disable-next-line MP9999\nx: 1\n", "'MP9999' in this suppression names no rule")]
    [InlineData("# manifestpolicy-disable-nextline MP2001\nx: 1\n", "'manifestpolicy-disable-nextline' is not a suppression directive")]
    [InlineData("# manifestpolicy-disable-file\nx: 1\n", "This suppression of all rules in this file matches no finding; remove it.")]
    [InlineData("# manifestpolicy-disable MP2001\nx: 1\n", "This suppression of MP2001 (unresolved-placeholder) from line 1 matches no finding; remove it.")]
    [InlineData("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  annotations:\n    manifestpolicy.io/suppress: MP2001\n", "This suppression of MP2001 (unresolved-placeholder) on ConfigMap/c matches no finding; remove it.")]
    public void Stale_unknown_and_misspelt_suppressions_are_reported(string yaml, string message)
    {
        var result = Filter(Parse("a.yaml", yaml));

        Assert.Contains(message, Single(result, "MP0002").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MP0002_can_itself_be_suppressed_and_configured()
    {
        var tree = Parse("a.yaml", "# manifestpolicy-disable-file MP0002 -- kept for the next release\n# manifestpolicy-disable-next-line MP2001\nx: 1\n");

        var result = Filter(tree);

        var unused = Single(result, "MP0002");
        Assert.Equal("kept for the next release", unused.Suppression?.Justification);

        var off = new DiagnosticFilter(new SeverityResolver([SeveritySetting.FromCommandLine("unused-suppression=none")], readEditorConfig: false))
            .Apply(Compile(Parse("b.yaml", "# manifestpolicy-disable-next-line MP2001\nx: 1\n")), []);
        Assert.Empty(off);
    }

    [Fact]
    public void A_suppressed_rule_switched_off_by_severity_does_not_make_its_suppression_unused()
    {
        var tree = Parse("a.yaml", "data:\n  # manifestpolicy-disable-next-line MP2001\n  x: <X>\n");
        var filter = new DiagnosticFilter(new SeverityResolver([SeveritySetting.FromCommandLine("MP2001=none")], readEditorConfig: false));

        Assert.Empty(filter.Apply(Compile(tree), [At(tree, "<X>", MP2001)]));
    }

    [Fact]
    public void A_finding_keeps_the_severity_its_rule_gave_it_unless_a_setting_says_otherwise()
    {
        var tree = Parse("a.yaml", "x: <X>\n");
        var warning = At(tree, "<X>", MP3001) with { Severity = Severity.Warning };
        Assert.NotEqual(Severity.Warning, MP3001.DefaultSeverity);

        Severity Run(params string[] settings) =>
            Assert.Single(new DiagnosticFilter(new SeverityResolver(settings.Select(SeveritySetting.FromCommandLine), readEditorConfig: false)).Apply(Compile(tree), [warning])).Severity;

        Assert.Equal(Severity.Warning, Run());
        Assert.Equal(Severity.Warning, Run("MP3001=default"));
        Assert.Equal(Severity.Error, Run("MP3001=error"));
        Assert.Equal(Severity.Note, Run($"category-{MP3001.Category}=note"));
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Comment_offsets_are_source_text_offsets_with_crlf_and_bom(string newline)
    {
        var yaml = string.Join(newline, "data:", "  a: \"é ü 𝄞\" # manifestpolicy-disable-next-line MP2001", "  b: <B>", "  # manifestpolicy-disable-next-line MP3001 -- why", "  c: <C>", string.Empty);
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(System.Text.Encoding.UTF8.GetBytes(yaml)).ToArray();
        var text = SourceText.FromBytes("a.yaml", bytes);

        var directives = SuppressionCommentScanner.Scan(text);

        Assert.Equal(2, directives.Count);
        Assert.Equal([2, 4], directives.Select(d => d.Line));
        Assert.Equal("# manifestpolicy-disable-next-line MP2001", text.GetText(directives[0].Span));
        Assert.Equal("# manifestpolicy-disable-next-line MP3001 -- why", text.GetText(directives[1].Span));
        Assert.Equal("why", directives[1].Reason);

        var tree = SyntaxTree.Parse(text);
        var result = new DiagnosticFilter().Apply(Compile(tree), [At(tree, "<B>", MP2001), At(tree, "<C>", MP3001)]);
        Assert.All(result, d => Assert.NotNull(d.Suppression));
    }

    [Fact]
    public void Comments_before_a_syntax_error_still_count()
    {
        var tree = Parse("a.yaml", "# manifestpolicy-disable-file MP0001 -- fixture of a broken file\nkey: [unclosed\n");
        var mp0001 = ManifestPolicy.Rules.RuleCatalog.Find("MP0001")!;
        var error = new Diagnostic(mp0001, mp0001.DefaultSeverity, new Location(tree.Text, tree.Error!.Span), "broken", "MP0001|a.yaml", []);

        Assert.NotNull(Assert.Single(Filter(tree, error)).Suppression);
    }
}
