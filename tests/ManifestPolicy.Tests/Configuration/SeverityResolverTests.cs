using ManifestPolicy.Configuration;
using ManifestPolicy.Diagnostics;
using ManifestPolicy.Rules;
using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Configuration;

public class SeverityResolverTests
{
    // Categories are read from the catalogue rather than assumed; MP3001 and MP3002 are in different ones.
    private static readonly DiagnosticDescriptor Rule = RuleCatalog.Find("MP3001")!;
    private static readonly DiagnosticDescriptor Sibling = RuleCatalog.Find("MP3002")!;
    private static readonly DiagnosticDescriptor Other = RuleCatalog.Find("MP2001")!;

    [Fact]
    public void Rule_id_beats_category_and_all_whatever_their_order()
    {
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", $"""
            root = true
            [*.yaml]
            manifestpolicy_diagnostic.MP3001.severity = note
            manifestpolicy_diagnostic.category-{Rule.Category}.severity = warning
            manifestpolicy_diagnostic.severity = none
            """);
        var resolver = new SeverityResolver(workingDirectory: dir.Root);
        var file = dir.PathOf("a.yaml");

        Assert.Equal(Severity.Note, resolver.Resolve(file, Rule).Severity);
        Assert.Equal(".editorconfig:3", resolver.Resolve(file, Rule).Origin);
        Assert.Equal(Severity.None, resolver.Resolve(file, Other).Severity);
        Assert.Equal(".editorconfig:5", resolver.Resolve(file, Other).Origin);
    }

    [Fact]
    public void Category_beats_all_whatever_their_order()
    {
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", $"""
            root = true
            [*.yaml]
            manifestpolicy_diagnostic.category-{Rule.Category}.severity = warning
            manifestpolicy_diagnostic.severity = none
            """);
        var resolver = new SeverityResolver(workingDirectory: dir.Root);
        var file = dir.PathOf("a.yaml");

        Assert.Equal(Severity.Warning, resolver.Resolve(file, Rule).Severity);
        Assert.Equal(".editorconfig:3", resolver.Resolve(file, Rule).Origin);
        Assert.Equal(Severity.None, resolver.Resolve(file, Sibling).Severity);
    }

    [Fact]
    public void Later_entry_beats_earlier_one_across_sections()
    {
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", """
            root = true
            [*.yaml]
            manifestpolicy_diagnostic.MP3001.severity = note
            [deploy/prod/**.yaml]
            manifestpolicy_diagnostic.MP3001.severity = error
            """);
        var resolver = new SeverityResolver(workingDirectory: dir.Root);

        Assert.Equal(Severity.Error, resolver.Resolve(dir.PathOf("deploy/prod/a/k.yaml"), Rule).Severity);
        Assert.Equal(Severity.Note, resolver.Resolve(dir.PathOf("deploy/dev/k.yaml"), Rule).Severity);
    }

    [Fact]
    public void Deeper_editorconfig_beats_shallower_one()
    {
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", "root = true\n[*.yaml]\nmanifestpolicy_diagnostic.MP3001.severity = note\nmanifestpolicy_diagnostic.MP2001.severity = warning\n");
        dir.Write("sub/.editorconfig", "[*.yaml]\nmanifestpolicy_diagnostic.MP3001.severity = error\n");
        var resolver = new SeverityResolver(workingDirectory: dir.Root);

        var inner = resolver.Resolve(dir.PathOf("sub/a.yaml"), Rule);
        Assert.Equal(Severity.Error, inner.Severity);
        Assert.Equal("sub/.editorconfig:2", inner.Origin);
        Assert.Equal(Severity.Warning, resolver.Resolve(dir.PathOf("sub/a.yaml"), Other).Severity);
        Assert.Equal(Severity.Note, resolver.Resolve(dir.PathOf("a.yaml"), Rule).Severity);
    }

    [Fact]
    public void Specificity_is_decided_before_depth_as_in_Roslyn()
    {
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", "root = true\n[*.yaml]\nmanifestpolicy_diagnostic.MP3001.severity = warning\n");
        dir.Write("sub/.editorconfig", $"[*.yaml]\nmanifestpolicy_diagnostic.category-{Rule.Category}.severity = none\n");
        var resolver = new SeverityResolver([SeveritySetting.FromCommandLine("all=note")], dir.Root);

        Assert.Equal(Severity.Warning, resolver.Resolve(dir.PathOf("sub/a.yaml"), Rule).Severity);
        Assert.Equal(Severity.Note, resolver.Resolve(dir.PathOf("sub/a.yaml"), Other).Severity);
    }

    [Fact]
    public void Root_true_stops_the_search_upward()
    {
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", "[*.yaml]\nmanifestpolicy_diagnostic.MP2001.severity = none\n");
        dir.Write("sub/.editorconfig", "root = true\n[*.yaml]\nmanifestpolicy_diagnostic.MP3001.severity = note\n");
        var resolver = new SeverityResolver(workingDirectory: dir.Root);

        var other = resolver.Resolve(dir.PathOf("sub/a.yaml"), Other);
        Assert.Equal(Other.DefaultSeverity, other.Severity);
        Assert.Equal(SeverityResolver.DefaultOrigin, other.Origin);
        Assert.Equal(Severity.None, resolver.Resolve(dir.PathOf("a.yaml"), Other).Severity);
    }

    [Fact]
    public void Command_line_beats_files()
    {
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", "root = true\n[*]\nmanifestpolicy_diagnostic.MP3001.severity = error\n");
        var resolver = new SeverityResolver([SeveritySetting.FromCommandLine("MP3001=warning")], dir.Root);

        var effective = resolver.Resolve(dir.PathOf("x/a.yaml"), Rule);
        Assert.Equal(Severity.Warning, effective.Severity);
        Assert.Equal("command line (--severity MP3001=warning)", effective.Origin);
    }

    [Fact]
    public void Rule_names_are_accepted_wherever_ids_are()
    {
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", $"root = true\n[*.yaml]\nmanifestpolicy_diagnostic.{Rule.Name}.severity = note\n");
        var resolver = new SeverityResolver([SeveritySetting.FromCommandLine($"{Other.Name}=none")], dir.Root);

        Assert.Equal(Severity.Note, resolver.Resolve(dir.PathOf("a.yaml"), Rule).Severity);
        Assert.Equal(Severity.None, resolver.Resolve(dir.PathOf("a.yaml"), Other).Severity);
    }

    [Fact]
    public void Default_puts_a_rule_back_to_its_default_severity()
    {
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", "root = true\n[*]\nmanifestpolicy_diagnostic.severity = none\nmanifestpolicy_diagnostic.MP3001.severity = default\n");
        var resolver = new SeverityResolver(workingDirectory: dir.Root);

        Assert.Equal(Rule.DefaultSeverity, resolver.Resolve(dir.PathOf("a.yaml"), Rule).Severity);
    }

    [Fact]
    public void Other_tools_keys_and_unmatched_sections_are_left_alone()
    {
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", "root = true\n[*]\nindent_size = 2\ndotnet_diagnostic.CA1000.severity = none\n[*.json]\nmanifestpolicy_diagnostic.MP3001.severity = none\n");
        var resolver = new SeverityResolver(workingDirectory: dir.Root);

        Assert.Equal(Rule.DefaultSeverity, resolver.Resolve(dir.PathOf("a.yaml"), Rule).Severity);
    }

    [Theory]
    [InlineData("manifestpolicy_diagnostic.MP3001.severity = loud", "'loud' is not a severity")]
    [InlineData("manifestpolicy_diagnostic.MP9999.severity = error", "there is no rule 'mp9999'")]
    [InlineData("manifestpolicy_diagnostic.category-Nope.severity = error", "there is no rule category 'nope'")]
    [InlineData("manifestpolicy_diagnostic.MP3001.level = error", "expected manifestpolicy_diagnostic.<rule ID or name>.severity")]
    public void A_bad_setting_is_an_error_naming_file_and_line(string line, string reason)
    {
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", $"root = true\n\n[*.json]\n{line}\n");
        var resolver = new SeverityResolver(workingDirectory: dir.Root);

        var error = Assert.Throws<ConfigurationException>(() => resolver.Resolve(dir.PathOf("a.yaml"), Rule));
        Assert.Equal(".editorconfig", error.FilePath);
        Assert.Equal(4, error.Line);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith(".editorconfig(4,1): error: 'manifestpolicy_diagnostic.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_setting_outside_any_section_is_an_error()
    {
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", "root = true\nmanifestpolicy_diagnostic.MP3001.severity = none\n[*]\nindent_size = 2\n");
        var resolver = new SeverityResolver(workingDirectory: dir.Root);

        var error = Assert.Throws<ConfigurationException>(() => resolver.Resolve(dir.PathOf("a.yaml"), Rule));
        Assert.Equal(2, error.Line);
        Assert.Contains("must be inside a section", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_input_and_engine_findings_take_only_the_command_line()
    {
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", "root = true\n[*]\nmanifestpolicy_diagnostic.severity = none\n");
        var resolver = new SeverityResolver([SeveritySetting.FromCommandLine("MP2001=note")], dir.Root);

        Assert.Equal(Rule.DefaultSeverity, resolver.Resolve("<stdin>", Rule).Severity);
        Assert.Equal(Severity.Note, resolver.Resolve(".", Other).Severity);
        Assert.Equal(Severity.None, resolver.Resolve(dir.PathOf("a.yaml"), Rule).Severity);
    }

    [Theory]
    [InlineData("MP3001")]
    [InlineData("MP3001=")]
    [InlineData("MP9999=error")]
    [InlineData("=error")]
    public void A_bad_command_line_setting_is_an_error(string text) =>
        Assert.Throws<ConfigurationException>(() => SeveritySetting.FromCommandLine(text));

    [Fact]
    public void Command_line_accepts_category_and_all()
    {
        var category = SeveritySetting.FromCommandLine($"category-{Rule.Category}=note");
        var all = SeveritySetting.FromCommandLine("all=warning");
        var resolver = new SeverityResolver([all, category], readEditorConfig: false);

        Assert.Equal(Severity.Note, resolver.Resolve("a.yaml", Rule).Severity);
        Assert.Equal(Severity.Warning, resolver.Resolve("a.yaml", Other).Severity);
    }

    [Fact]
    public void Explain_lists_every_rule_with_its_origin()
    {
        using var dir = new TempDirectory();
        dir.Write(".editorconfig", "root = true\n[*.yaml]\nmanifestpolicy_diagnostic.MP3001.severity = none\n");
        var resolver = new SeverityResolver(workingDirectory: dir.Root);

        var explained = resolver.Explain(dir.PathOf("a.yaml"));

        Assert.Equal(RuleCatalog.Descriptors.Select(d => d.Id), explained.Select(e => e.Rule.Id));
        Assert.Contains(explained, e => e.Rule.Id == "MP3001" && e.Severity == Severity.None && e.Origin == ".editorconfig:3");
        Assert.Contains(explained, e => e.Rule.Id == "MP0002" && e.Origin == SeverityResolver.DefaultOrigin);
    }
}
