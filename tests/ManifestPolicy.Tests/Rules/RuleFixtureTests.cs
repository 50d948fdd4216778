using System.Text.RegularExpressions;
using ManifestPolicy.Analyzers;
using ManifestPolicy.Rules;
using ManifestPolicy.Semantics;
using ManifestPolicy.Syntax;
using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Rules;

/// <summary>Every rule in the catalogue has fixtures, golden outputs and a page, and behaves on them.</summary>
public sealed partial class RuleFixtureTests
{
    public static TheoryData<string> AnalyzerIds => [.. RuleFixture.AnalyzerIds];

    public static TheoryData<string> DescriptorIds => [.. RuleCatalog.Descriptors.Select(d => d.Id)];

    [Theory]
    [MemberData(nameof(AnalyzerIds))]
    public void Rule_has_bad_and_good_fixtures(string id)
    {
        var fixture = new RuleFixture(id);
        Assert.True(fixture.Input("bad") is not null, $"{id}: add {fixture.Folder}/bad.yaml (or a bad/ folder)");
        Assert.True(fixture.Input("good") is not null, $"{id}: add {fixture.Folder}/good.yaml (or a good/ folder)");
    }

    [Theory]
    [MemberData(nameof(AnalyzerIds))]
    public void Bad_fixture_reports_the_rule(string id)
    {
        var report = new RuleFixture(id).Analyze("bad");
        Assert.NotEmpty(report.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(AnalyzerIds))]
    public void Good_fixture_does_not_report_the_rule(string id)
    {
        var report = new RuleFixture(id).Analyze("good");
        Assert.Empty(report.Diagnostics.Select(d => $"{d.Location.Path}:{d.Location.Position.Start}: {d.Message}"));
    }

    [Theory]
    [MemberData(nameof(AnalyzerIds))]
    public void Bad_fixture_text_output_matches_golden(string id)
    {
        var fixture = new RuleFixture(id);
        Golden.Verify(Path.Combine(fixture.Folder, "bad.expected.txt"), fixture.Text(fixture.Analyze("bad")));
    }

    [Theory]
    [MemberData(nameof(AnalyzerIds))]
    public void Bad_fixture_sarif_output_matches_golden(string id)
    {
        var fixture = new RuleFixture(id);
        Golden.Verify(Path.Combine(fixture.Folder, "bad.expected.sarif"), fixture.Sarif(fixture.Analyze("bad")));
    }

    [Theory]
    [MemberData(nameof(DescriptorIds))]
    public void Rule_has_a_page(string id)
    {
        var page = Path.Combine(RepoPaths.RulePages, id + ".md");
        Assert.True(File.Exists(page), $"{id}: add {page}");
        var text = File.ReadAllText(page);
        foreach (var section in new[] { "Cause", "Rule description", "How to fix", "How to suppress" })
        {
            Assert.True(text.Contains("## " + section, StringComparison.Ordinal), $"{page} lacks a '## {section}' section");
        }
    }

    [Fact]
    public void Every_rule_page_names_a_known_rule()
    {
        var known = RuleCatalog.Descriptors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var pages = Directory.GetFiles(RepoPaths.RulePages, "*.md").Select(Path.GetFileNameWithoutExtension).Where(n => n != "README");
        Assert.All(pages, page => Assert.Contains(page!, known));
    }

    [Fact]
    public void Rule_ids_and_names_are_unique()
    {
        var descriptors = RuleCatalog.Descriptors;
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(descriptors.Count, descriptors.Select(d => d.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(RuleCatalog.Analyzers.Count, RuleCatalog.Analyzers.Select(a => a.Descriptor.Id).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Rule_ids_and_names_are_well_formed()
    {
        Assert.All(RuleCatalog.Descriptors, d =>
        {
            Assert.Matches(RuleId(), d.Id);
            Assert.Matches(KebabCase(), d.Name);
        });
    }

    [Theory]
    [MemberData(nameof(AnalyzerIds))]
    public void Analyzer_is_silent_on_empty_input(string id)
    {
        var analyzer = RuleCatalog.Analyzers.Single(a => a.Descriptor.Id == id);
        var empty = SyntaxTree.Parse(new SourceText("empty.yaml", string.Empty));
        var onlyComments = SyntaxTree.Parse(new SourceText("comments.yaml", "# nothing here\n---\n"));
        foreach (var trees in new[] { Array.Empty<SyntaxTree>(), [empty], [empty, onlyComments] })
        {
            var diagnostics = new AnalyzerDriver([analyzer]).Analyze(ManifestCompilation.Create(trees));
            Assert.Empty(diagnostics.Select(d => $"{d.Id}: {d.Message}"));
        }
    }

    [GeneratedRegex("^MP[0-9]{4}$")]
    private static partial Regex RuleId();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KebabCase();
}
