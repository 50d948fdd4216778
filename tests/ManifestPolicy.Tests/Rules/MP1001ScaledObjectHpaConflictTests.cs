namespace ManifestPolicy.Tests.Rules;

public sealed class MP1001ScaledObjectHpaConflictTests
{
    private const string Hpa = """
        apiVersion: autoscaling/v2
        kind: HorizontalPodAutoscaler
        metadata:
          name: web-hpa
          namespace: shop
        spec:
          scaleTargetRef:
            apiVersion: apps/v1
            kind: Deployment
            name: web
          minReplicas: 1
          maxReplicas: 5
        """;

    private static string ScaledObject(string target = "name: web", string ns = "shop", string annotations = "", string advanced = "") => $"""
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: web-scaler
          namespace: {ns}
        {annotations}
        spec:
          scaleTargetRef:
            {target}
        {advanced}
          triggers:
            - type: cpu
              metadata:
                value: "60"
        """;

    [Fact]
    public void Reports_conflict_across_files_on_the_scaleTargetRef_key_with_the_hpa_as_related_location()
    {
        var diagnostics = RuleTestHost.Analyze(("deploy/hpa.yaml", Hpa), ("deploy/so.yaml", ScaledObject())).Only("MP1001");

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal("deploy/so.yaml:8:3", diagnostic.Where());
        Assert.Equal("scaleTargetRef", diagnostic.Location.Text.GetText(diagnostic.Location.Span));
        var related = Assert.Single(diagnostic.RelatedLocations);
        Assert.Equal("deploy/hpa.yaml", related.Location.Path);
        Assert.Equal(7, related.Location.Position.Start.Line);
        Assert.Contains("ScaledObject/web-scaler and HorizontalPodAutoscaler/web-hpa (in deploy/hpa.yaml) both scale Deployment/web in namespace 'shop'", diagnostic.Message);
        Assert.Contains("remove the HPA", diagnostic.Message);
        Assert.Contains("horizontalPodAutoscalerConfig.name: web-hpa", diagnostic.Message);
    }

    [Theory]
    [InlineData("{name: web}")]
    [InlineData("{kind: Deployment, name: web}")]
    [InlineData("{apiVersion: apps/v1, name: web}")]
    [InlineData("{apiVersion: extensions/v1beta1, kind: Deployment, name: web}")]
    public void Normalises_the_scale_target_before_comparing(string target)
    {
        var so = ScaledObject().Replace("scaleTargetRef:\n    name: web", "scaleTargetRef: " + target, StringComparison.Ordinal);
        Assert.Single(RuleTestHost.Analyze(("hpa.yaml", Hpa), ("so.yaml", so)).Only("MP1001"));
    }

    [Theory]
    [InlineData("{name: api}")]
    [InlineData("{kind: StatefulSet, name: web}")]
    [InlineData("{apiVersion: argoproj.io/v1alpha1, kind: Rollout, name: web}")]
    public void Silent_for_a_different_workload(string target)
    {
        var so = ScaledObject().Replace("scaleTargetRef:\n    name: web", "scaleTargetRef: " + target, StringComparison.Ordinal);
        Assert.Empty(RuleTestHost.Analyze(("hpa.yaml", Hpa), ("so.yaml", so)).Only("MP1001"));
    }

    [Fact]
    public void Silent_in_another_namespace_and_namespaces_default_alike()
    {
        Assert.Empty(RuleTestHost.Analyze(("hpa.yaml", Hpa), ("so.yaml", ScaledObject(ns: "other"))).Only("MP1001"));
        var hpaWithoutNamespace = Hpa.Replace("  namespace: shop\n", string.Empty, StringComparison.Ordinal);
        Assert.Single(RuleTestHost.Analyze(("hpa.yaml", hpaWithoutNamespace), ("so.yaml", ScaledObject(ns: "default"))).Only("MP1001"));
    }

    [Fact]
    public void Silent_when_the_scaledobject_adopts_the_hpa()
    {
        var so = ScaledObject(
            annotations: "  annotations:\n    scaledobject.keda.sh/transfer-hpa-ownership: \"true\"",
            advanced: "  advanced:\n    horizontalPodAutoscalerConfig:\n      name: web-hpa");
        Assert.Empty(RuleTestHost.Analyze(("hpa.yaml", Hpa), ("so.yaml", so)).Only("MP1001"));
    }

    [Fact]
    public void Half_done_adoption_is_reported_and_says_what_is_missing()
    {
        var so = ScaledObject(annotations: "  annotations:\n    scaledobject.keda.sh/transfer-hpa-ownership: \"true\"");
        var diagnostic = Assert.Single(RuleTestHost.Analyze(("hpa.yaml", Hpa), ("so.yaml", so)).Only("MP1001"));
        Assert.Contains("sets scaledobject.keda.sh/transfer-hpa-ownership but not spec.advanced.horizontalPodAutoscalerConfig.name", diagnostic.Message);
    }

    [Fact]
    public void Silent_when_the_hpa_opts_out_of_validation_or_is_owned_by_the_scaledobject()
    {
        var optOut = Hpa.Replace("  namespace: shop\n", "  namespace: shop\n  annotations:\n    validations.keda.sh/hpa-ownership: \"false\"\n", StringComparison.Ordinal);
        Assert.Empty(RuleTestHost.Analyze(("hpa.yaml", optOut), ("so.yaml", ScaledObject())).Only("MP1001"));

        var owned = Hpa.Replace("  namespace: shop\n", "  namespace: shop\n  ownerReferences:\n    - {apiVersion: keda.sh/v1alpha1, kind: ScaledObject, name: web-scaler, uid: x}\n", StringComparison.Ordinal);
        Assert.Empty(RuleTestHost.Analyze(("hpa.yaml", owned), ("so.yaml", ScaledObject())).Only("MP1001"));

        var kedasOwn = Hpa.Replace("name: web-hpa", "name: keda-hpa-web-scaler", StringComparison.Ordinal);
        Assert.Empty(RuleTestHost.Analyze(("hpa.yaml", kedasOwn), ("so.yaml", ScaledObject())).Only("MP1001"));
    }

    [Fact]
    public void Finds_the_hpa_inside_a_list_and_an_autoscaling_v1_hpa()
    {
        var list = "apiVersion: v1\nkind: List\nitems:\n  - " + Hpa.Replace("apiVersion: autoscaling/v2", "apiVersion: autoscaling/v1", StringComparison.Ordinal).Replace("\n", "\n    ", StringComparison.Ordinal);
        var diagnostic = Assert.Single(RuleTestHost.Analyze(("list.yaml", list), ("so.yaml", ScaledObject())).Only("MP1001"));
        Assert.Equal("0", diagnostic.Properties["hpaListItemIndex"]);
    }

    [Fact]
    public void Each_alternative_scaledobject_file_is_reported()
    {
        var diagnostics = RuleTestHost.Analyze(("hpa.yaml", Hpa), ("a.yaml", ScaledObject()), ("b.yaml", ScaledObject())).Only("MP1001");
        Assert.Equal(["a.yaml", "b.yaml"], diagnostics.Select(d => d.Location.Path));
    }
}
