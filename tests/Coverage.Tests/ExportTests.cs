using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Samverkan.Coverage.Exports;
using Samverkan.TestSupport;

namespace Samverkan.Coverage.Tests;

/// <summary>The exports for national staff, on the seed.</summary>
[Collection(SeededRegistry.Name)]
public class ExportTests(CoverageFixture fixture)
{
    private sealed record RegionRow(string Id, string Name);

    private sealed record ForumRow(string Id, List<JsonElement> Participants);

    private sealed record NamedForum(string Id, string Name, string? ParentId);

    [Fact]
    public async Task The_forums_csv_is_utf8_with_bom_and_parses_back_into_one_row_per_participant()
    {
        using var response = await fixture.Client.GetAsync($"/api/coverage/exports/forums.csv?asOf={CoverageFixture.ReportDate}");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var rows = TestCsv.Parse(Encoding.UTF8.GetString(bytes[3..]));
        Assert.Equal(ForumsCsv.Columns, rows[0]);
        Assert.All(rows, row => Assert.Equal(ForumsCsv.Columns.Length, row.Count));
        var forums = await fixture.ClientFor("forums").GetAllAsync<ForumRow>("/api/forums");
        Assert.Equal(forums.Sum(forum => Math.Max(1, forum.Participants.Count)), rows.Count - 1);
        var column = ForumsCsv.Columns.Select((name, index) => (name, index)).ToDictionary(p => p.name, p => p.index);
        var gavleborg = rows.Single(row => row[column["forumId"]] == "dialogforum" && row[column["institutionId"]] == "region-gavleborg");
        Assert.Equal(("Region Gävleborg", "representedVia", "rur", "true", "Chair of RUR"),
            (gavleborg[column["institutionName"]], gavleborg[column["capacity"]], gavleborg[column["viaForumId"]],
                gavleborg[column["activeOnAsOf"]], gavleborg[column["contactFunctions"]]));
        var sll = rows.First(row => row[column["institutionId"]] == "region-stockholm");
        Assert.Equal("Stockholms läns landsting", sll[column["institutionName"]]);
        Assert.Contains(rows, row => row[column["purpose"]].Contains(',', StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_registry_json_holds_every_forum_with_its_contacts_by_function_only_and_the_coverage()
    {
        using var response = await fixture.Client.GetAsync($"/api/coverage/exports/registry.json?asOf={CoverageFixture.ReportDate}");
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        var root = document.RootElement;

        Assert.Equal(35, root.GetProperty("forums").GetArrayLength());
        Assert.Equal(6, root.GetProperty("regions").GetArrayLength());
        Assert.Equal(2, root.GetProperty("coverage").GetProperty("regionsWithPrimaryForum").GetInt32());
        var dialogforum = root.GetProperty("forums").EnumerateArray().Single(f => f.GetProperty("forum").GetProperty("id").GetString() == "dialogforum");
        Assert.Equal("Chair of RUR", dialogforum.GetProperty("contacts")[0].GetProperty("function").GetString());
        Assert.True(dialogforum.GetProperty("activity").GetProperty("active").GetBoolean());
        Assert.DoesNotContain("\"person\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"email\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_html_is_well_formed_names_the_six_regions_and_the_day_it_was_produced()
    {
        using var response = await fixture.Client.GetAsync($"/api/coverage/exports/report.html?asOf={CoverageFixture.ReportDate}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var document = XDocument.Parse(html);
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        Assert.Equal(3, document.Descendants(xhtml + "h2").Count());
        var text = document.Root!.Value;
        var regions = await fixture.ClientFor("regions").GetAllAsync<RegionRow>("/api/regions");
        Assert.Equal(6, regions.Count);
        Assert.All(regions, region => Assert.Contains(region.Name, text, StringComparison.Ordinal));
        var produced = document.Descendants(xhtml + "time").First().Attribute("datetime")!.Value;
        Assert.True(DateTimeOffset.UtcNow - DateTimeOffset.Parse(produced, System.Globalization.CultureInfo.InvariantCulture) < TimeSpan.FromMinutes(5));
        Assert.Contains("Samverkansmöte – Sydöstra sjukvårdsregionen", text, StringComparison.Ordinal);
        Assert.Contains("Stockholms läns landsting", text, StringComparison.Ordinal);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
    }

    /// <summary>Issue 17: every body, sub-groups and working groups included, on a row of its own with its meetings.</summary>
    [Fact]
    public async Task The_report_shows_every_body_the_registry_holds_on_a_row_of_its_own_with_its_meetings()
    {
        using var response = await fixture.Client.GetAsync($"/api/coverage/exports/report.html?asOf={CoverageFixture.ReportDate}");
        var document = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var rows = document.Descendants(xhtml + "table").Where(table => (string?)table.Attribute("class") == "forums")
            .SelectMany(table => table.Descendants(xhtml + "tbody").Elements(xhtml + "tr"))
            .Select(row => row.Elements(xhtml + "td").Select(cell => cell.Value).ToList())
            .ToList();
        // The first cell begins with the body's name (and abbreviation) as its own text.
        var names = document.Descendants(xhtml + "table").Where(table => (string?)table.Attribute("class") == "forums")
            .SelectMany(table => table.Descendants(xhtml + "tbody").Elements(xhtml + "tr"))
            .Select(row => row.Elements(xhtml + "td").First().Nodes().OfType<XText>().First().Value)
            .ToList();
        List<string> RowOf(string name) => rows[Assert.Single(Enumerable.Range(0, names.Count), i => names[i] == name || names[i].StartsWith(name + " (", StringComparison.Ordinal))];
        var forums = await fixture.ClientFor("forums").GetAllAsync<NamedForum>("/api/forums");

        // Each body once per region it is in: the seed's bodies are each in one region.
        Assert.Equal(forums.Count, rows.Count);
        Assert.All(forums, forum => RowOf(forum.Name));
        var subGroups = forums.Where(forum => forum.ParentId is not null).ToList();
        Assert.All(subGroups, forum => Assert.Contains("Part of", RowOf(forum.Name)[0], StringComparison.Ordinal));
        // Kompetensrådet's groups follow it, and it follows USB, as the report describes them.
        var usb = names.FindIndex(name => name.EndsWith("(USB)", StringComparison.Ordinal));
        var council = names.FindIndex(name => name.StartsWith("Kompetensrådet", StringComparison.Ordinal));
        Assert.True(usb >= 0 && council > usb, string.Join(" | ", names));
        Assert.Contains("Part of USB", rows[council][0], StringComparison.Ordinal);
        Assert.Contains("Part of Kompetensrådet", rows[council + 1][0], StringComparison.Ordinal);
        // Meetings as precisely as known: Dialogforum met in April 2018, Samverkansmöte before mid-2017.
        Assert.Contains("Last known meeting in 2018-04", RowOf("Dialogforum")[4], StringComparison.Ordinal);
        Assert.Contains("not known to the registry", RowOf("Utbildningsrådet")[6], StringComparison.Ordinal);
        Assert.Contains("before 2017-06-30 (date unknown)", rows[names.FindIndex(name => name.StartsWith("Samverkansmöte", StringComparison.Ordinal))][4], StringComparison.Ordinal);
    }
}
