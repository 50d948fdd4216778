using ManifestPolicy.Fixes;

namespace ManifestPolicy.Tests.Fixes;

public sealed class MP1001FixTests
{
    private const string ScaledObject = """
        apiVersion: keda.sh/v1alpha1
        kind: ScaledObject
        metadata:
          name: web-scaler
          namespace: shop
        spec:
          scaleTargetRef:
            name: web
          triggers:
            - type: cpu
              metadata:
                value: "60"

        """;

    private const string Hpa = """
        # CPU autoscaling for web.
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
          maxReplicas: 5

        """;

    private const string Service = "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n  namespace: shop\n";

    [Fact]
    public void Removes_a_middle_document_with_its_separator_and_comments()
    {
        var file = $"{Service}---\n{Hpa}---\n{Service.Replace("name: web", "name: web2")}";
        var result = FixTestHost.Fix(("so.yaml", ScaledObject), ("all.yaml", file));
        Assert.Equal($"{Service}---\n{Service.Replace("name: web", "name: web2")}", result.TextOf("all.yaml"));
        Assert.Empty(result.Remaining);
    }

    [Fact]
    public void Removes_a_first_document_without_separator_and_keeps_the_rest()
    {
        var file = $"{Hpa}---\n{Service}";
        var result = FixTestHost.Fix(("so.yaml", ScaledObject), ("all.yaml", file));
        Assert.Equal($"---\n{Service}", result.TextOf("all.yaml"));
    }

    [Fact]
    public void Removes_a_last_document_and_keeps_the_previous_line_break()
    {
        var file = $"{Service}---\n{Hpa}";
        var result = FixTestHost.Fix(("so.yaml", ScaledObject), ("all.yaml", file));
        Assert.Equal(Service, result.TextOf("all.yaml"));
    }

    [Fact]
    public void A_file_with_only_the_hpa_keeps_a_comment_unless_deletion_is_allowed()
    {
        var kept = FixTestHost.Fix(("so.yaml", ScaledObject), ("hpa.yaml", Hpa));
        Assert.StartsWith("# HorizontalPodAutoscaler/web-hpa was removed: KEDA ScaledObject/web-scaler scales Deployment/web", kept.TextOf("hpa.yaml"), StringComparison.Ordinal);
        Assert.Empty(kept.Deleted);
        Assert.Empty(kept.Remaining);

        var deleted = FixTestHost.Fix(new FixOptions { AllowDelete = true }, ("so.yaml", ScaledObject), ("hpa.yaml", Hpa));
        Assert.Equal(["hpa.yaml"], deleted.Deleted);
        Assert.Empty(deleted.Remaining);
    }

    [Fact]
    public void Removes_a_list_item_with_its_comment()
    {
        var list = """
            apiVersion: v1
            kind: List
            items:
              - apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  namespace: shop
              # the old CPU autoscaler
              - apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web-hpa
                  namespace: shop
                spec:
                  scaleTargetRef:
                    kind: Deployment
                    name: web
              - apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: c
                  namespace: shop

            """;
        var result = FixTestHost.Fix(("so.yaml", ScaledObject), ("list.yaml", list));
        var expected = list.Replace("""
              # the old CPU autoscaler
              - apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: web-hpa
                  namespace: shop
                spec:
                  scaleTargetRef:
                    kind: Deployment
                    name: web

            """, string.Empty, StringComparison.Ordinal);
        Assert.Equal(expected, result.TextOf("list.yaml"));
        Assert.Empty(result.Remaining);
    }

    [Fact]
    public void Adopt_adds_the_annotation_and_the_hpa_name_with_sibling_indentation()
    {
        var scaledObject = ScaledObject.Replace("  namespace: shop\n", "  namespace: shop\n  annotations:\n    team: web # owners\n", StringComparison.Ordinal);
        var result = FixTestHost.Fix(new FixOptions { HpaStrategy = HpaStrategy.Adopt }, ("so.yaml", scaledObject), ("hpa.yaml", Hpa));
        var expected = scaledObject
            .Replace("    team: web # owners\n", "    team: web # owners\n    scaledobject.keda.sh/transfer-hpa-ownership: \"true\"\n", StringComparison.Ordinal)
            .Replace("        value: \"60\"\n", "        value: \"60\"\n  advanced:\n    horizontalPodAutoscalerConfig:\n      name: web-hpa\n", StringComparison.Ordinal);
        Assert.Equal(expected, result.TextOf("so.yaml"));
        Assert.Equal(Hpa, result.TextOf("hpa.yaml"));
        Assert.Empty(result.Remaining);
    }

    [Fact]
    public void Adopt_creates_missing_mappings_and_replaces_a_wrong_value()
    {
        var scaledObject = ScaledObject.Replace("  triggers:", "  advanced:\n    horizontalPodAutoscalerConfig: {name: other}\n  triggers:", StringComparison.Ordinal)
            .Replace("metadata:\n  name: web-scaler", "metadata:\n  annotations: {scaledobject.keda.sh/transfer-hpa-ownership: \"false\"}\n  name: web-scaler", StringComparison.Ordinal);
        var result = FixTestHost.Fix(new FixOptions { HpaStrategy = HpaStrategy.Adopt }, ("so.yaml", scaledObject), ("hpa.yaml", Hpa));
        var text = result.TextOf("so.yaml");
        Assert.Contains("annotations: {scaledobject.keda.sh/transfer-hpa-ownership: \"true\"}", text, StringComparison.Ordinal);
        Assert.Contains("horizontalPodAutoscalerConfig: {name: web-hpa}", text, StringComparison.Ordinal);
        Assert.Empty(result.Remaining);
    }
}
