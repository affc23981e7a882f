using System.Net;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Core.Users;
using NewsDesk.TestSupport;

namespace NewsDesk.IntegrationTests.Areas;

/// <summary>
/// Every desk and admin page and handler, discovered from the app's own endpoints (so a new page cannot be forgotten),
/// visited as anonymous, editor and admin: anonymous is sent to sign in, an editor is refused the admin area (403),
/// the right role gets the page, and every POST without an anti-forgery token is refused (400).
/// </summary>
public sealed class AuthorizationMatrixTests(DeskApp app) : IClassFixture<DeskApp>
{
    [Fact]
    public async Task Every_desk_and_admin_page_and_action_answers_each_role_as_expected()
    {
        var targets = await DiscoverAsync();
        Assert.Contains(targets, t => t.Url.StartsWith("/desk/stories/", StringComparison.Ordinal) && t.Method == "POST");
        Assert.Contains(targets, t => t.Url.StartsWith("/admin/terms/", StringComparison.Ordinal) && t.Handler == "Rename");
        Assert.True(targets.Count >= 30, $"Only {targets.Count} targets discovered.");

        var anonymous = app.CreateHttpsClient();
        var editor = await app.SignInAsync(Roles.Editor);
        var admin = await app.SignInAsync(Roles.Admin);
        var editorToken = await editor.AntiforgeryTokenAsync("/desk/stories/new");
        var adminToken = await admin.AntiforgeryTokenAsync("/desk/stories/new");
        var failures = new List<string>();

        foreach (var target in targets)
        {
            var adminOnly = target.Area == "Admin";
            Check(failures, target, "anonymous", await SendAsync(anonymous, target, token: null), Expect.SignIn);
            Check(failures, target, "editor", await SendAsync(editor, target, editorToken), adminOnly ? Expect.Forbidden : Expect.Allowed);
            Check(failures, target, "admin", await SendAsync(admin, target, adminToken), Expect.Allowed);
            if (target.Method == "POST")
            {
                Check(failures, target, "admin without anti-forgery token", await SendAsync(admin, target, token: null), Expect.BadRequest);
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures.Concat(app.Logs.Events.Where(e => e.Exception is not null).Select(e => e.Exception!.ToString()[..Math.Min(e.Exception.ToString().Length, 1500)]))));
        Assert.Empty(app.Logs.Errors);
    }

    private enum Expect
    {
        SignIn,
        Forbidden,
        Allowed,
        BadRequest,
    }

    private static void Check(List<string> failures, Target target, string who, (HttpStatusCode Status, string? Location) answer, Expect expect)
    {
        var ok = expect switch
        {
            Expect.SignIn => answer.Status == HttpStatusCode.Redirect && answer.Location?.Contains("/account/sign-in", StringComparison.Ordinal) == true,
            Expect.Forbidden => answer.Status == HttpStatusCode.Forbidden,
            Expect.BadRequest => answer.Status == HttpStatusCode.BadRequest,
            // A page answers 200; an action may redirect, refuse bad input or find nothing, but never denies or fails.
            _ => target.Method == "GET"
                ? answer.Status == HttpStatusCode.OK
                : (int)answer.Status < 500 && answer.Status is not (HttpStatusCode.Forbidden or HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
                    && answer.Location?.Contains("/account/sign-in", StringComparison.Ordinal) != true,
        };
        if (!ok)
        {
            failures.Add($"{target} as {who}: expected {expect}, got {(int)answer.Status} {answer.Location}");
        }
    }

    private static async Task<(HttpStatusCode, string?)> SendAsync(HttpClient client, Target target, string? token)
    {
        var url = target.Handler is null ? target.Url : $"{target.Url}?handler={target.Handler}";
        using var request = new HttpRequestMessage(new HttpMethod(target.Method), new Uri(url, UriKind.Relative));
        if (target.Method == "POST")
        {
            var fields = new Dictionary<string, string>();
            if (token is not null)
            {
                fields["__RequestVerificationToken"] = token;
            }

            request.Content = new FormUrlEncodedContent(fields);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, response.Location());
    }

    private async Task<List<Target>> DiscoverAsync()
    {
        var story = await app.CreateStoryAsync("Matrix story", "Body text.");
        var term = await app.TermAsync(TermType.Tag, "Matrix tag");
        await DeskSession.EnsureUserAsync(app, "matrix-subject@newsdesk.test", Roles.Editor);
        var userId = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "matrix-subject@newsdesk.test").Select(u => u.Id).SingleAsync());
        var sourceId = await app.WithDbAsync(db => db.Sources.Select(s => s.Id).FirstAsync());

        var loader = app.Services.GetRequiredService<PageLoader>();
        var targets = new List<Target>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { AreaName: "Desk" or "Admin" } page)
            {
                continue;
            }

            var url = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            foreach (var parameter in endpoint.RoutePattern.Parameters)
            {
                var value = (parameter.Name, url) switch
                {
                    ("id", _) when url.StartsWith("/desk/stories/", StringComparison.Ordinal) => story.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ("id", _) when url.StartsWith("/admin/terms/", StringComparison.Ordinal) => term.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ("id", _) when url.StartsWith("/admin/users/", StringComparison.Ordinal) => userId,
                    ("id", _) when url.StartsWith("/admin/sources/", StringComparison.Ordinal) => sourceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    _ => throw new InvalidOperationException($"Teach the matrix a value for {{{parameter.Name}}} in {url}."),
                };
                url = System.Text.RegularExpressions.Regex.Replace(url, $@"\{{{parameter.Name}(:[^}}]*)?\??\}}", value);
            }

            var compiled = await loader.LoadAsync(page, endpoint.Metadata);
            foreach (var handler in compiled.HandlerMethods)
            {
                targets.Add(new Target(page.AreaName!, handler.HttpMethod.ToUpperInvariant(), url, handler.Name));
            }
        }

        return targets;
    }

    private sealed record Target(string Area, string Method, string Url, string? Handler)
    {
        public override string ToString() => $"{Method} {Url}{(Handler is null ? "" : "?handler=" + Handler)}";
    }
}
