using ManifestPolicy.Semantics;
using ManifestPolicy.Syntax;

namespace ManifestPolicy.Rules.Placeholders;

/// <summary>Kinds whose controllers expand template syntax themselves, after the object reached the cluster.</summary>
internal static class RuntimeTemplateKinds
{
    /// <summary>
    /// API groups whose objects carry <c>{{ ... }}</c> templates evaluated at run time: alerting rules and routes
    /// ({{ $labels.x }}), Argo Workflows, Argo CD ApplicationSets and Argo Rollouts analysis ({{inputs.parameters.x}},
    /// {{revision}}, {{args.x}}), Kyverno ({{request.object...}}), SPIRE ClusterSPIFFEID, IstioOperator injection
    /// templates, VictoriaMetrics and Loki rules.
    /// </summary>
    private static readonly HashSet<string> MustacheGroups = new(StringComparer.Ordinal)
    {
        "monitoring.coreos.com", "argoproj.io", "kyverno.io", "policies.kyverno.io", "spire.spiffe.io",
        "install.istio.io", "operator.victoriametrics.com", "loki.grafana.com", "monitoring.grafana.com",
        "notification.toolkit.fluxcd.io", "logging.banzaicloud.io", "logging-extensions.banzaicloud.io",
    };

    public static bool ExpandsMustache(ManifestObject obj) => MustacheGroups.Contains(obj.Group);

    /// <summary>
    /// The parameters an OpenShift Template declares: <c>oc process</c> substitutes <c>${NAME}</c> for them, so they are
    /// the template's own syntax. Undeclared <c>${...}</c> tokens are still reported.
    /// </summary>
    public static IReadOnlySet<string>? TemplateParameters(ManifestObject obj)
    {
        if (obj.Kind != "Template" || (obj.Group != "template.openshift.io" && obj.Group.Length != 0))
        {
            return null;
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        if (obj.Node.GetSequence("parameters") is { } parameters)
        {
            foreach (var item in parameters.Items)
            {
                if (item.Resolve() is MappingNode parameter && parameter.GetString("name") is { Length: > 0 } name)
                {
                    names.Add(name);
                }
            }
        }

        return names;
    }
}
