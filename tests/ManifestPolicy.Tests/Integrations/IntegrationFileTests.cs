using ManifestPolicy.Tests.TestSupport;

namespace ManifestPolicy.Tests.Integrations;

/// <summary>The key fields of the files users point their tools at: action.yml, the example workflow, the hooks.</summary>
public sealed class IntegrationFileTests
{
    private static readonly YamlDotNet.RepresentationModel.YamlNode Action = YamlFile.Load(Path.Combine(RepoPaths.Root, "action.yml"));

    [Fact]
    public void Action_is_a_composite_with_the_documented_inputs()
    {
        Assert.Equal("composite", Action.Get("runs").Get("using").Text());
        var inputs = Action.Get("inputs").Keys();
        foreach (var input in new[] { "paths", "context", "version", "dotnet-version", "category", "sarif-file", "fail-level", "fail-on-findings", "upload" })
        {
            Assert.Contains(input, inputs);
            Assert.False(string.IsNullOrWhiteSpace(Action.Get("inputs").Get(input).TextOf("description")), $"input {input} has no description");
        }
        Assert.Equal("manifestpolicy", Action.Get("inputs").Get("category").TextOf("default"));
        Assert.Equal("", Action.Get("inputs").Get("version").TextOf("default"));
    }

    [Fact]
    public void Action_sets_up_dotnet_installs_checks_to_sarif_and_uploads_with_the_category()
    {
        var steps = Action.Get("runs").Get("steps").Items();
        var uses = steps.Select(s => s.TextOf("uses")).Where(u => u is not null).ToList();
        Assert.Contains(uses, u => u!.StartsWith("actions/setup-dotnet@", StringComparison.Ordinal));

        var install = Step("install");
        Assert.Contains("dotnet pack \"$GITHUB_ACTION_PATH/src/ManifestPolicy.Cli/", install.TextOf("run"));
        Assert.Contains("dotnet tool install", install.TextOf("run"));

        var check = Step("check").TextOf("run")!;
        Assert.Contains("--format sarif", check);
        Assert.Contains("--output \"$MANIFESTPOLICY_SARIF\"", check);

        var upload = Assert.Single(steps, s => s.TextOf("uses")?.StartsWith("github/codeql-action/upload-sarif@", StringComparison.Ordinal) == true);
        Assert.Equal("${{ inputs.category }}", upload.Get("with").TextOf("category"));
        Assert.Equal("${{ steps.check.outputs.sarif-file }}", upload.Get("with").TextOf("sarif_file"));
        Assert.Contains("always()", upload.TextOf("if"));

        // Inputs reach scripts through the environment only, never spliced into the script text (script injection).
        foreach (var script in steps.Select(s => s.TextOf("run")).Where(r => r is not null))
        {
            Assert.DoesNotContain("${{", script);
        }
    }

    [Fact]
    public void Example_workflow_has_the_permissions_upload_sarif_needs_and_uses_the_action()
    {
        var workflow = YamlFile.Load(Path.Combine(RepoPaths.Root, "samples", "github", "manifestpolicy.yml"));
        var job = workflow.Get("jobs").Get("manifestpolicy");
        var permissions = job.Get("permissions");
        Assert.Equal("write", permissions.TextOf("security-events"));
        Assert.Equal("read", permissions.TextOf("actions"));
        Assert.Equal("read", permissions.TextOf("contents"));

        var uses = job.Get("steps").Items().Select(s => s.TextOf("uses")).ToList();
        Assert.Contains(uses, u => u?.StartsWith("actions/checkout@", StringComparison.Ordinal) == true);
        Assert.Contains(uses, u => u?.StartsWith("manifestpolicy/manifestpolicy@", StringComparison.Ordinal) == true);
        Assert.NotNull(workflow.Find("on"));
    }

    [Fact]
    public void Pre_commit_hook_runs_the_dotnet_tool_on_yaml_with_the_repository_as_context()
    {
        var hooks = YamlFile.Load(Path.Combine(RepoPaths.Root, ".pre-commit-hooks.yaml")).Items();
        var hook = Assert.Single(hooks, h => h.TextOf("id") == "manifestpolicy");
        Assert.Equal("dotnet", hook.TextOf("language"));
        Assert.Equal("manifestpolicy check --context .", hook.TextOf("entry"));
        Assert.Equal("yaml", Assert.Single(hook.Get("types").Items()).Text());
        Assert.Equal("true", hook.TextOf("require_serial"));
        var json = Assert.Single(hooks, h => h.TextOf("id") == "manifestpolicy-json");
        Assert.Equal("json", Assert.Single(json.Get("types").Items()).Text());
        Assert.All(hooks, h => Assert.Equal(hook.TextOf("entry"), h.TextOf("entry")));
        Assert.All(hooks, h => Assert.Null(h.Find("stages")));
    }

    internal static YamlDotNet.RepresentationModel.YamlNode Step(string id) =>
        Assert.Single(Action.Get("runs").Get("steps").Items(), s => s.TextOf("id") == id);
}
