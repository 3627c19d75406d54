using System.Management.Automation;
using System.Reflection;
using SupportTools.PowerShell.Tests.Support;

namespace SupportTools.PowerShell.Tests;

/// <summary>The staged module as a whole: manifest, exports, help, output types.</summary>
public sealed class ModuleTests : IDisposable
{
    private readonly ModuleSession _ps = new();

    public void Dispose() => _ps.Dispose();

    // Every cmdlet the manifest exports (read from module/SupportTools.psd1, so a new cmdlet is covered at once);
    // Exported_cmdlets_are_exactly_the_cmdlet_classes ties that list to the [Cmdlet] classes.
    public static TheoryData<string> CmdletNames => new(ManifestCmdlets());

    private static string[] ManifestCmdlets()
    {
        var manifest = File.ReadAllText(Path.Combine(ModuleSession.RepoRoot, "module", "SupportTools.psd1"));
        var list = System.Text.RegularExpressions.Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\(([^)]*)\)").Groups[1].Value;
        var names = System.Text.RegularExpressions.Regex.Matches(list, "'([A-Za-z]+-[A-Za-z]+)'").Select(m => m.Groups[1].Value).ToArray();
        Assert.True(names.Length >= 20, "The manifest's CmdletsToExport was not read: " + names.Length + " names.");
        return names;
    }

    private List<Type> CmdletClasses() =>
        _ps.Module.ImplementingAssembly!.GetExportedTypes()
            .Where(t => t.GetCustomAttribute<CmdletAttribute>() is not null).ToList();

    [Fact]
    public void Exported_cmdlets_are_exactly_the_cmdlet_classes()
    {
        var declared = CmdletClasses().Select(t => t.GetCustomAttribute<CmdletAttribute>()!)
            .Select(a => $"{a.VerbName}-{a.NounName}").Order().ToList();
        var exported = _ps.Module.ExportedCmdlets.Keys.Order().ToList();
        Assert.Equal(declared, exported);
        Assert.Contains("Get-TicketDuration", exported);
        Assert.Empty(_ps.Module.ExportedFunctions);
    }

    [Fact]
    public void Every_cmdlet_uses_an_approved_verb_and_declares_its_output()
    {
        var approved = _ps.Run("(Get-Verb).Verb").Output.Select(v => (string)v.BaseObject).ToHashSet();
        Assert.Contains("Import", approved);
        foreach (var type in CmdletClasses())
        {
            var cmdlet = type.GetCustomAttribute<CmdletAttribute>()!;
            Assert.Contains(cmdlet.VerbName, approved);
            Assert.NotEmpty(type.GetCustomAttributes<OutputTypeAttribute>());
            Assert.True(type.IsSealed, $"{type.Name} should be sealed");
        }
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Every_cmdlet_has_help_with_examples(string name)
    {
        var result = _ps.Run("$h = Get-Help $args[0] -Full; [pscustomobject]@{ Synopsis = [string]$h.Synopsis; Examples = @($h.examples.example).Count; Code = [string]@($h.examples.example)[0].code }", name);
        result.ThrowOnError();
        var help = result.Output.Single();
        Assert.DoesNotContain(name + " ", (string)help.Properties["Synopsis"].Value + " "); // real synopsis, not the generated syntax stub
        Assert.True((int)help.Properties["Examples"].Value >= 2);
        Assert.Contains(name, (string)help.Properties["Code"].Value);
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Help_documents_every_parameter(string name)
    {
        var result = _ps.Run("""
            $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
            $declared = (Get-Command $args[0]).Parameters.Keys | Where-Object { $_ -notin $common }
            $documented = @((Get-Help $args[0] -Full).parameters.parameter | Where-Object { $_.description } | ForEach-Object { [string]$_.name })
            $declared | Where-Object { $_ -notin $documented }
            """, name);
        result.ThrowOnError();
        Assert.Empty(result.Output.Select(o => (string)o.BaseObject));
    }

    [Theory]
    [MemberData(nameof(CmdletNames))]
    public void Help_parameters_and_syntax_match_the_cmdlet(string name)
    {
        // The MAML is hand-maintained: its type, position, aliases, mandatory flag and pipelineInput per parameter, and
        // one syntax item per parameter set with that set's parameters, must follow the [Parameter] attributes.
        var result = _ps.Run("""
            $cmd = Get-Command $args[0]
            $help = Get-Help $args[0] -Full
            $common = [System.Management.Automation.PSCmdlet]::CommonParameters + [System.Management.Automation.PSCmdlet]::OptionalCommonParameters
            $own = { param($names) @($names | Where-Object { $_ -notin $common -or $_ -in 'WhatIf', 'Confirm' }) | Sort-Object }
            foreach ($p in $cmd.Parameters.Values | Where-Object { (& $own $_.Name).Count }) {
                $h = $help.parameters.parameter | Where-Object name -eq $p.Name
                if (-not $h) { "-$($p.Name): not in help"; continue }
                $attrs = @($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] })
                $by = @(if ($attrs.ValueFromPipeline -contains $true) { 'ByValue' }; if ($attrs.ValueFromPipelineByPropertyName -contains $true) { 'ByPropertyName' })
                $type = if ($p.ParameterType.IsGenericType) { $p.ParameterType.GenericTypeArguments[0].Name } else { $p.ParameterType.Name }
                $position = @($attrs | Where-Object Position -ge 0)[0].Position
                $expected = [ordered]@{
                    pipelineInput = if ($by) { "True ($($by -join ', '))" } else { 'False' }
                    type = $type
                    position = if ($null -ne $position) { "$position" } else { 'named' }
                    aliases = if ($p.Aliases.Count) { $p.Aliases -join ', ' } else { 'none' }
                    required = ([bool]($attrs | Where-Object Mandatory)).ToString().ToLowerInvariant()
                }
                $actual = @{ pipelineInput = $h.pipelineInput; type = $h.type.name; position = $h.position; aliases = $h.aliases; required = $h.required }
                foreach ($k in $expected.Keys) { if ($actual[$k] -ne $expected[$k]) { "-$($p.Name) ${k}: help '$($actual[$k])', cmdlet '$($expected[$k])'" } }
            }
            $items = @($help.syntax.syntaxItem | ForEach-Object { (& $own $_.parameter.name) -join ',' })
            if ($items.Count -ne $cmd.ParameterSets.Count) { "syntax items: help $($items.Count), parameter sets $($cmd.ParameterSets.Count)" }
            foreach ($set in $cmd.ParameterSets) {
                $names = (& $own $set.Parameters.Name) -join ','
                if ($names -notin $items) { "parameter set $($set.Name) ($names) has no syntax item" }
            }
            """, name);
        result.ThrowOnError();
        Assert.Empty(result.Output.Select(o => (string)o.BaseObject));
    }

    [Fact]
    public void Manifest_version_matches_the_assembly_version()
    {
        var assemblyVersion = _ps.Module.ImplementingAssembly!.GetName().Version!;
        Assert.Equal(_ps.Module.Version, new Version(assemblyVersion.Major, assemblyVersion.Minor, assemblyVersion.Build));
    }

    [Fact]
    public void Every_output_type_of_an_exported_cmdlet_has_a_view()
    {
        // Get-FormatData is not in the hosted engine; read the format files the module loaded (one per capability).
        Assert.NotEmpty(_ps.Module.ExportedFormatFiles);
        var views = _ps.Module.ExportedFormatFiles
            .SelectMany(file => System.Xml.Linq.XDocument.Load(file).Descendants("View"))
            .Select(v => (string?)v.Element("ViewSelectedBy")?.Element("TypeName")).ToHashSet();
        var outputTypes = _ps.Module.ExportedCmdlets.Values
            .SelectMany(cmdlet => cmdlet.OutputType).Select(type => type.Name)
            .Where(name => name.StartsWith("SupportTools.", StringComparison.Ordinal)).Distinct().ToList();
        Assert.Contains("SupportTools.Tickets.TicketDuration", outputTypes);
        Assert.All(outputTypes, type => Assert.Contains(type, views));
    }
}
