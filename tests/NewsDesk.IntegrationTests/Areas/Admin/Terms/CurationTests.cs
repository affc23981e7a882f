using System.Net;
using Microsoft.EntityFrameworkCore;
using NewsDesk.Core.Articles;
using NewsDesk.Core.Audit;
using NewsDesk.Core.Taxonomy;
using NewsDesk.TestSupport;

namespace NewsDesk.IntegrationTests.Areas.Admin.Terms;

public sealed class CurationTests(DeskApp app) : IClassFixture<DeskApp>
{
    [Fact]
    public async Task Renaming_a_tag_redirects_its_old_slug_and_keeps_the_old_name_as_an_alias()
    {
        var admin = await app.SignInAsync("Admin");
        var tag = await app.TermAsync(TermType.Tag, "PLA Navy");

        var response = await admin.SubmitAsync($"/admin/terms/{tag.Id}", "#rename-form", new() { ["name"] = "People's Liberation Army Navy", ["slug"] = "plan" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var renamed = await app.WithDbAsync(db => db.Terms.Include(t => t.Aliases).SingleAsync(t => t.Id == tag.Id));
        Assert.Equal(("People's Liberation Army Navy", "plan"), (renamed.Name, renamed.Slug));
        Assert.Contains("PLA Navy", renamed.Aliases.Select(a => a.Name));
        var old = await app.CreateHttpsClient().GetAsync(new Uri("/tags/pla-navy", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/tags/plan", old.Location());
        Assert.Contains(await app.WithDbAsync(db => db.AuditEntries.Where(e => e.Action == "term.rename").Select(e => e.UserName + ": " + e.Summary).ToListAsync()), s => s.StartsWith("admin@newsdesk.test: 'PLA Navy'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Merging_moves_links_keeps_decisions_makes_names_aliases_and_redirects_the_old_slug()
    {
        var admin = await app.SignInAsync("Admin");
        var patinggi = await app.TermAsync(TermType.Region, "Beting Patinggi Ali");
        var luconia = await app.TermAsync(TermType.Region, "Luconia Shoals");
        await app.WithServiceAsync<TaxonomyCuration, CurationResult>(c => c.AddAliasAsync(patinggi.Id, "Patinggi Ali", Actor.System("test")));
        var onlyA = await app.CreateStoryAsync("Only Patinggi", "Ships near Beting Patinggi Ali.");
        var both = await app.CreateStoryAsync("Both names", "The Luconia Shoals, called Beting Patinggi Ali in Malaysia.");
        var rejected = await app.CreateStoryAsync("Rejected one", "Beting Patinggi Ali mentioned in passing.");
        await app.WithDbAsync(async db =>
        {
            var link = await db.ArticleTerms.SingleAsync(l => l.ArticleId == rejected.Id && l.TermId == patinggi.Id);
            link.Decision = LinkDecision.Rejected;
            return await db.SaveChangesAsync();
        });

        var page = await admin.GetHtmlAsync($"/admin/terms/{patinggi.Id}/merge?q=Luconia");
        Assert.NotNull(page.QuerySelector($"#target-{luconia.Id}"));
        var response = await admin.SubmitAsync($"/admin/terms/{patinggi.Id}/merge?q=Luconia", "#merge-form", new() { ["targetId"] = luconia.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, page);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/admin/terms/{luconia.Id}", response.Location());
        var links = await app.WithDbAsync(db => db.ArticleTerms.Where(l => l.ArticleId == onlyA.Id || l.ArticleId == both.Id || l.ArticleId == rejected.Id).ToListAsync());
        Assert.DoesNotContain(links, l => l.TermId == patinggi.Id);
        Assert.Single(links, l => l.ArticleId == onlyA.Id && l.TermId == luconia.Id);
        Assert.Single(links, l => l.ArticleId == both.Id && l.TermId == luconia.Id);
        Assert.Equal(LinkDecision.Rejected, links.Single(l => l.ArticleId == rejected.Id && l.TermId == luconia.Id).Decision);
        var target = await app.WithDbAsync(db => db.Terms.Include(t => t.Aliases).SingleAsync(t => t.Id == luconia.Id));
        Assert.Equal(["Beting Patinggi Ali", "Patinggi Ali"], target.Aliases.Select(a => a.Name).Order());
        var tombstone = await app.WithDbAsync(db => db.Terms.SingleAsync(t => t.Id == patinggi.Id));
        Assert.Equal(luconia.Id, tombstone.MergedIntoId);
        Assert.NotNull(tombstone.RetiredAt);

        var old = await app.CreateHttpsClient().GetAsync(new Uri("/regions/beting-patinggi-ali", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/regions/luconia-shoals", old.Location());
    }

    [Fact]
    public async Task A_merge_chain_redirects_the_first_slug_to_the_last_term()
    {
        var a = await app.TermAsync(TermType.Tag, "Chain A");
        var b = await app.TermAsync(TermType.Tag, "Chain B");
        var c = await app.TermAsync(TermType.Tag, "Chain C");
        await app.WithServiceAsync<TaxonomyCuration, CurationResult>(x => x.MergeAsync(a.Id, b.Id, Actor.System("test")));
        await app.WithServiceAsync<TaxonomyCuration, CurationResult>(x => x.MergeAsync(b.Id, c.Id, Actor.System("test")));

        var old = await app.CreateHttpsClient().GetAsync(new Uri("/tags/chain-a", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("/tags/chain-c", old.Location());
        var refused = await app.WithServiceAsync<TaxonomyCuration, CurationResult>(x => x.MergeAsync(c.Id, a.Id, Actor.System("test")));
        Assert.False(refused.Succeeded);
    }

    [Fact]
    public async Task Aliases_are_added_and_removed_and_a_duplicate_is_refused()
    {
        var admin = await app.SignInAsync("Admin");
        var term = await app.TermAsync(TermType.Region, "Scarborough Shoal");
        var url = $"/admin/terms/{term.Id}";

        await admin.SubmitAsync(url, "#alias-form", new() { ["alias"] = "Huangyan Island" });
        await admin.SubmitAsync(url, "#alias-form", new() { ["alias"] = "Bajo de Masinloc" });
        var duplicate = await admin.SubmitAsync(url, "#alias-form", new() { ["alias"] = "huangyan island" });
        var flash = await admin.GetHtmlAsync(url);

        Assert.Equal(HttpStatusCode.Redirect, duplicate.StatusCode);
        Assert.Contains("already a name of", flash.QuerySelector(".flash.error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, flash.QuerySelectorAll("#aliases li").Length);
        var removeForm = flash.QuerySelectorAll("#aliases li").First(li => li.TextContent.Contains("Huangyan", StringComparison.Ordinal)).QuerySelector("form")!;
        var removed = await admin.PostAsync(new Uri(removeForm.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(DeskSession.FormFields((AngleSharp.Html.Dom.IHtmlFormElement)removeForm)), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Equal(["Bajo de Masinloc"], await app.WithDbAsync(db => db.TermAliases.Where(x => x.TermId == term.Id).Select(x => x.Name).ToListAsync()));
    }

    [Fact]
    public async Task The_region_hierarchy_moves_a_subtree_and_refuses_a_cycle_and_records_theatre_countries()
    {
        var admin = await app.SignInAsync("Admin");
        var asia = await app.TermAsync(TermType.Region, "Test Asia");
        var east = await app.TermAsync(TermType.Region, "Test East Asia");
        var japan = await app.TermAsync(TermType.Region, "Test Japan");
        var china = await app.TermAsync(TermType.Region, "Test China");
        var sea = await app.TermAsync(TermType.Region, "Test East China Sea");
        await app.WithServiceAsync<TaxonomyCuration, CurationResult>(c => c.SetRegionAsync(japan.Id, east.Id, RegionKind.Country, [], Actor.System("test")));
        await app.WithServiceAsync<TaxonomyCuration, CurationResult>(c => c.SetRegionAsync(china.Id, null, RegionKind.Country, [], Actor.System("test")));

        await admin.SubmitAsync($"/admin/terms/{east.Id}", "#region-form", new() { ["parentId"] = asia.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["kind"] = "Subregion" });
        var cycle = await app.WithServiceAsync<TaxonomyCuration, CurationResult>(c => c.SetRegionAsync(asia.Id, japan.Id, RegionKind.Continent, [], Actor.System("test")));
        var theatre = await app.WithServiceAsync<TaxonomyCuration, CurationResult>(c => c.SetRegionAsync(sea.Id, null, RegionKind.Theatre, [japan.Id, china.Id], Actor.System("test")));

        var paths = await app.WithDbAsync(db => db.Regions.Where(r => r.Id == japan.Id || r.Id == east.Id).ToDictionaryAsync(r => r.Id, r => r.Path));
        Assert.Equal($"/{asia.Id}/{east.Id}/", paths[east.Id]);
        Assert.Equal($"/{asia.Id}/{east.Id}/{japan.Id}/", paths[japan.Id]);
        Assert.False(cycle.Succeeded);
        Assert.True(theatre.Succeeded);
        Assert.Equal(new[] { china.Id, japan.Id }.Order(), (await app.WithDbAsync(db => db.RegionInvolvements.Where(i => i.RegionId == sea.Id).Select(i => i.CountryId).ToListAsync())).Order());
    }

    [Fact]
    public async Task An_alias_that_already_names_another_term_is_refused()
    {
        var bomber = await app.TermAsync(TermType.Tag, "H-6");
        var japan = await app.TermAsync(TermType.Region, "Japan");
        var grey = await app.TermAsync(TermType.Topic, "Grey-zone tactics");
        await app.WithServiceAsync<TaxonomyCuration, CurationResult>(c => c.AddAliasAsync(grey.Id, "Cabbage strategy", Actor.System("test")));

        var byName = await app.WithServiceAsync<TaxonomyCuration, CurationResult>(c => c.AddAliasAsync(bomber.Id, "JAPAN", Actor.System("test")));
        var byAlias = await app.WithServiceAsync<TaxonomyCuration, CurationResult>(c => c.AddAliasAsync(bomber.Id, "cabbage strategy", Actor.System("test")));
        var fine = await app.WithServiceAsync<TaxonomyCuration, CurationResult>(c => c.AddAliasAsync(bomber.Id, "Xian H-6", Actor.System("test")));

        Assert.Equal($"'JAPAN' already names the region '{japan.Name}'; an alias must name one term only.", byName.Error);
        Assert.Equal("'cabbage strategy' already names the topic 'Grey-zone tactics'; an alias must name one term only.", byAlias.Error);
        Assert.True(fine.Succeeded, fine.Error);
        var aliases = await app.WithDbAsync(db => db.TermAliases.Where(a => a.TermId == bomber.Id).Select(a => a.Name).ToListAsync());
        Assert.Contains("Xian H-6", aliases);
        Assert.DoesNotContain("JAPAN", aliases);
    }

    [Fact]
    public async Task Changing_a_tags_kind_and_retiring_it_are_recorded()
    {
        var admin = await app.SignInAsync("Admin");
        var tag = await app.TermAsync(TermType.Tag, "Shandong");

        await admin.SubmitAsync($"/admin/terms/{tag.Id}", "#kind-form", new() { ["kind"] = "Equipment" });
        var page = await admin.GetHtmlAsync($"/admin/terms/{tag.Id}");
        var retireForm = (AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("#retire")!.Closest("form")!;
        await admin.PostAsync(new Uri(retireForm.GetAttribute("action")!, UriKind.Relative), new FormUrlEncodedContent(DeskSession.FormFields(retireForm)), TestContext.Current.CancellationToken);

        var stored = await app.WithDbAsync(db => db.Tags.SingleAsync(t => t.Id == tag.Id));
        Assert.Equal(TagKind.Equipment, stored.Kind);
        Assert.NotNull(stored.RetiredAt);
        var list = await admin.GetHtmlAsync("/admin/terms?state=retired&q=Shandong");
        Assert.Equal("Shandong", list.QuerySelector("#terms td.title a")!.TextContent);
    }

    [Fact]
    public async Task The_term_list_counts_articles_and_finds_terms_by_alias()
    {
        var admin = await app.SignInAsync("Admin");
        var term = await app.TermAsync(TermType.Topic, "Grey-zone tactics");
        await app.WithServiceAsync<TaxonomyCuration, CurationResult>(c => c.AddAliasAsync(term.Id, "Salami slicing", Actor.System("test")));
        await app.CreateStoryAsync("Grey zone one", "Grey-zone tactics at sea.");
        await app.CreateStoryAsync("Grey zone two", "More grey-zone tactics.");

        var page = await admin.GetHtmlAsync("/admin/terms?q=salami");

        var row = Assert.Single(page.QuerySelectorAll("#terms tbody tr"));
        Assert.Equal("Grey-zone tactics", row.QuerySelector("td.title")!.TextContent.Trim());
        Assert.Equal("2", row.QuerySelectorAll("td.num")[0].TextContent);
    }
}
