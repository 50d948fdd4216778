using ManifestPolicy.Semantics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Tests.Semantics;

public sealed class ManifestCompilationTests
{
    private static ManifestCompilation Compile(params (string Path, string Text)[] files) =>
        ManifestCompilation.Create(files.Select(f => SyntaxTree.Parse(new SourceText(f.Path, f.Text))));

    private static ManifestCompilation Compile(CompilationOptions options, params (string Path, string Text)[] files) =>
        ManifestCompilation.Create(files.Select(f => SyntaxTree.Parse(new SourceText(f.Path, f.Text))), options);

    [Fact]
    public void Objects_are_keyed_by_group_kind_namespace_and_name()
    {
        var compilation = Compile(("a.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\n"));
        Assert.Equal(2, compilation.Objects.Count);
        Assert.Single(compilation.Find(new ObjectKey("apps", "Deployment", "shop", "web")));
        Assert.Single(compilation.Find(new ObjectKey(string.Empty, "Service", "default", "web")));
        Assert.Empty(compilation.Find(new ObjectKey("apps", "Deployment", "default", "web")));
    }

    [Fact]
    public void Unset_namespace_takes_the_configured_default_and_cluster_scoped_kinds_have_none()
    {
        var compilation = Compile(new CompilationOptions("team-a"), ("a.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\n---\napiVersion: keda.sh/v1alpha1\nkind: ClusterTriggerAuthentication\nmetadata: {name: cta, namespace: ignored}\n"));
        Assert.Equal("team-a", compilation.Objects[0].Namespace);
        Assert.False(compilation.Objects[0].HasExplicitNamespace);
        Assert.Equal(string.Empty, compilation.Objects[1].Namespace);
    }

    [Fact]
    public void List_items_are_objects_of_their_own()
    {
        var compilation = Compile(("list.yaml", "apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: one}\n  - apiVersion: v1\n    kind: Secret\n    metadata: {name: two}\n"));
        Assert.Equal(["ConfigMap", "Secret"], compilation.Objects.Select(o => o.Kind));
        Assert.Equal([0, 1], compilation.Objects.Select(o => o.ListItemIndex ?? -1));
        Assert.Equal(new LinePosition(4, 5), compilation.Objects[0].Text.GetPosition(compilation.Objects[0].Node.Span.Start));
    }

    [Fact]
    public void Json_manifests_are_objects_too()
    {
        var compilation = Compile(("so.json", "{\"apiVersion\": \"keda.sh/v1alpha1\", \"kind\": \"ScaledObject\", \"metadata\": {\"name\": \"s\"}, \"spec\": {\"scaleTargetRef\": {\"name\": \"web\"}}}"));
        var so = Assert.Single(compilation.Objects);
        Assert.Equal(new ObjectKey("apps", "Deployment", "default", "web"), ScaleTarget.From(so)!.Workload);
    }

    [Theory]
    [InlineData("{name: web}", "apps", "Deployment")]
    [InlineData("{apiVersion: apps/v1, kind: StatefulSet, name: web}", "apps", "StatefulSet")]
    [InlineData("{apiVersion: extensions/v1beta1, kind: Deployment, name: web}", "apps", "Deployment")]
    [InlineData("{apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web}", "argoproj.io", "Rollout")]
    [InlineData("{deploymentName: web}", "apps", "Deployment")]
    public void Scale_targets_are_normalised(string reference, string group, string kind)
    {
        var compilation = Compile(("so.yaml", $"apiVersion: keda.sh/v1alpha1\nkind: ScaledObject\nmetadata: {{name: s, namespace: n}}\nspec:\n  scaleTargetRef: {reference}\n"));
        Assert.Equal(new ObjectKey(group, kind, "n", "web"), ScaleTarget.From(compilation.Objects[0])!.Workload);
    }

    private const string TriggerWithAuth = """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata: {name: s, namespace: n}
        spec:
          scaleTargetRef: {name: web}
          triggers:
            - type: kafka
              metadata: {bootstrapServers: "k:9093"}
              authenticationRef: {name: auth}
        """;

    [Theory]
    [InlineData("data:\n  tls: ZW5hYmxl\n", "enable")]
    [InlineData("stringData:\n  tls: disable\ndata:\n  tls: ZW5hYmxl\n", "disable")]
    [InlineData("data:\n  tls: |\n    ZW5h\n    Ymxl\n", "enable")]
    public void Trigger_authentication_resolves_through_the_secret(string secretBody, string expected)
    {
        var compilation = Compile(
            ("so.yaml", TriggerWithAuth),
            ("auth.yaml", "apiVersion: keda.sh/v1alpha1\nkind: TriggerAuthentication\nmetadata: {name: auth, namespace: n}\nspec:\n  secretTargetRef:\n    - {parameter: tls, name: sec, key: tls}\n"),
            ("secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: sec, namespace: n}\n" + secretBody));
        var trigger = Assert.Single(KedaTrigger.Of(compilation.Objects[0]));
        var parameter = TriggerAuthenticationResolver.Resolve(compilation, trigger, "tls");
        Assert.Equal(AuthParameterState.Resolved, parameter.State);
        Assert.Equal(expected, parameter.Value);
        Assert.Equal("sec", parameter.Source!.Source.Name);
    }

    [Fact]
    public void Missing_links_in_the_chain_are_unresolvable_not_absent()
    {
        var withoutAuth = Compile(("so.yaml", TriggerWithAuth));
        Assert.Equal(AuthParameterState.Unresolvable, TriggerAuthenticationResolver.Resolve(withoutAuth, KedaTrigger.Of(withoutAuth.Objects[0]).Single(), "tls").State);

        var authInOtherNamespace = Compile(("so.yaml", TriggerWithAuth), ("auth.yaml", "apiVersion: keda.sh/v1alpha1\nkind: TriggerAuthentication\nmetadata: {name: auth, namespace: other}\nspec: {}\n"));
        Assert.Equal(AuthParameterState.Unresolvable, TriggerAuthenticationResolver.Resolve(authInOtherNamespace, KedaTrigger.Of(authInOtherNamespace.Objects[0]).Single(), "tls").State);

        var notSupplied = Compile(("so.yaml", TriggerWithAuth), ("auth.yaml", "apiVersion: keda.sh/v1alpha1\nkind: TriggerAuthentication\nmetadata: {name: auth, namespace: n}\nspec:\n  secretTargetRef:\n    - {parameter: sasl, name: sec, key: sasl}\n"));
        Assert.Equal(AuthParameterState.NotSupplied, TriggerAuthenticationResolver.Resolve(notSupplied, KedaTrigger.Of(notSupplied.Objects[0]).Single(), "tls").State);

        var fromEnv = Compile(("so.yaml", TriggerWithAuth), ("auth.yaml", "apiVersion: keda.sh/v1alpha1\nkind: TriggerAuthentication\nmetadata: {name: auth, namespace: n}\nspec:\n  env:\n    - {parameter: tls, name: KAFKA_TLS}\n"));
        Assert.Equal(AuthParameterState.Unresolvable, TriggerAuthenticationResolver.Resolve(fromEnv, KedaTrigger.Of(fromEnv.Objects[0]).Single(), "tls").State);
    }

    [Fact]
    public void Cluster_trigger_authentication_is_found_without_namespace()
    {
        var so = TriggerWithAuth.Replace("authenticationRef: {name: auth}", "authenticationRef: {name: auth, kind: ClusterTriggerAuthentication}", StringComparison.Ordinal);
        var compilation = Compile(
            ("so.yaml", so),
            ("auth.yaml", "apiVersion: keda.sh/v1alpha1\nkind: ClusterTriggerAuthentication\nmetadata: {name: auth}\nspec:\n  secretTargetRef:\n    - {parameter: tls, name: sec, key: tls}\n"),
            ("secret.yaml", "apiVersion: v1\nkind: Secret\nmetadata: {name: sec, namespace: keda}\nstringData: {tls: enable}\n"));
        Assert.Equal("enable", TriggerAuthenticationResolver.Resolve(compilation, KedaTrigger.Of(compilation.Objects[0]).Single(), "tls").Value);
    }
}
