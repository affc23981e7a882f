using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NewsDesk.Core.Users;
using NewsDesk.TestSupport;

namespace NewsDesk.IntegrationTests.Areas.Account;

public sealed class AccountTests(DeskApp app) : IClassFixture<DeskApp>
{
    [Fact]
    public async Task The_session_cookie_is_secure_http_only_same_site_and_host_only()
    {
        await DeskSession.EnsureUserAsync(app, "cookie@newsdesk.test", Roles.Editor);
        var client = app.CreateHttpsClient();

        var response = await client.SubmitAsync("/account/sign-in", "#sign-in-form", new() { ["Input.Email"] = "cookie@newsdesk.test", ["Input.Password"] = DeskSession.Password });

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-NewsDesk=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        await DeskSession.EnsureUserAsync(app, "locked@newsdesk.test", Roles.Editor);
        var client = app.CreateHttpsClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.SubmitAsync("/account/sign-in", "#sign-in-form", new() { ["Input.Email"] = "locked@newsdesk.test", ["Input.Password"] = "wrong password " + i });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }

        var right = await client.SubmitAsync("/account/sign-in", "#sign-in-form", new() { ["Input.Email"] = "locked@newsdesk.test", ["Input.Password"] = DeskSession.Password });

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked", await right.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == "locked@newsdesk.test"));
        Assert.True(user.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(10));
    }

    [Fact]
    public async Task Signing_out_ends_the_session_even_for_a_copy_of_the_cookie()
    {
        var client = await app.SignInAsync(Roles.Editor, "signout@newsdesk.test");
        var stolen = app.CreateHttpsClient();
        var copy = await CopyAuthCookieAsync(client);
        stolen.DefaultRequestHeaders.Add("Cookie", copy);
        Assert.Equal(HttpStatusCode.OK, (await stolen.GetAsync(new Uri("/desk", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        var signOut = await client.SubmitAsync("/desk", "#sign-out-form", []);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        var after = await stolen.GetAsync(new Uri("/desk", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.StartsWith("https://localhost/account/sign-in", after.Location(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_disabled_user_is_signed_out_at_once_and_cannot_sign_in()
    {
        var admin = await app.SignInAsync(Roles.Admin);
        var editor = await app.SignInAsync(Roles.Editor, "disabled@newsdesk.test");
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "disabled@newsdesk.test").Select(u => u.Id).SingleAsync());

        var disable = await admin.SubmitAsync($"/admin/users/{id}", "form:has(#disable)", []);

        Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await editor.GetAsync(new Uri("/desk", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        var again = await app.CreateHttpsClient().SubmitAsync("/account/sign-in", "#sign-in-form", new() { ["Input.Email"] = "disabled@newsdesk.test", ["Input.Password"] = DeskSession.Password });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains(await app.WithDbAsync(db => db.AuditEntries.Where(e => e.EntityId == id).Select(e => e.Action).ToListAsync()), a => a == "user.disable");
    }

    [Fact]
    public async Task An_admin_creates_a_user_changes_the_role_and_resets_the_password()
    {
        var admin = await app.SignInAsync(Roles.Admin);

        var created = await admin.SubmitAsync("/admin/users", "#create-user", new() { ["Input.Email"] = "new.editor@newsdesk.test", ["Input.Role"] = "Editor", ["Input.Password"] = "a long first password" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "new.editor@newsdesk.test").Select(u => u.Id).SingleAsync());
        var user = app.CreateHttpsClient();
        await user.SubmitAsync("/account/sign-in", "#sign-in-form", new() { ["Input.Email"] = "new.editor@newsdesk.test", ["Input.Password"] = "a long first password" });
        Assert.Equal(HttpStatusCode.Forbidden, (await user.GetAsync(new Uri("/admin/terms", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        await admin.SubmitAsync($"/admin/users/{id}", "#role-form", new() { ["role"] = "Admin" });
        await admin.SubmitAsync($"/admin/users/{id}", "#reset-form", new() { ["password"] = "a brand new password" });

        var signedIn = app.CreateHttpsClient();
        var response = await signedIn.SubmitAsync("/account/sign-in", "#sign-in-form", new() { ["Input.Email"] = "new.editor@newsdesk.test", ["Input.Password"] = "a brand new password" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync(new Uri("/admin/terms", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task The_last_admin_cannot_demote_or_disable_themselves()
    {
        using var fresh = new DeskApp();
        var admin = await fresh.SignInAsync(Roles.Admin, "only.admin@newsdesk.test");
        var id = await fresh.WithDbAsync(db => db.Users.Where(u => u.Email == "only.admin@newsdesk.test").Select(u => u.Id).SingleAsync());

        await admin.SubmitAsync($"/admin/users/{id}", "#role-form", new() { ["role"] = "Editor" });

        var page = await admin.GetHtmlAsync($"/admin/users/{id}");
        Assert.Contains("last enabled admin", page.QuerySelector(".flash.error")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_changes_their_password_and_the_old_one_stops_working()
    {
        var client = await app.SignInAsync(Roles.Editor, "changer@newsdesk.test");

        var changed = await client.SubmitAsync("/account/password", "#password-form", new() { ["Input.Current"] = DeskSession.Password, ["Input.New"] = "my new long passphrase", ["Input.Confirm"] = "my new long passphrase" });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/desk", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        var old = await app.CreateHttpsClient().SubmitAsync("/account/sign-in", "#sign-in-form", new() { ["Input.Email"] = "changer@newsdesk.test", ["Input.Password"] = DeskSession.Password });
        Assert.Equal(HttpStatusCode.OK, old.StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_beyond_the_limit_get_429()
    {
        using var limited = new DeskApp();
        limited.With("Desk:SignInAttemptsPerMinute", "3");
        var client = limited.CreateHttpsClient();
        var statuses = new List<HttpStatusCode>();
        var page = await client.GetHtmlAsync("/account/sign-in");
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.SubmitAsync("/account/sign-in", "#sign-in-form", new() { ["Input.Email"] = "x@newsdesk.test", ["Input.Password"] = "wrong wrong wrong" }, page)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/account/sign-in", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    private static async Task<string> CopyAuthCookieAsync(HttpClient client)
    {
        // The handler's cookie container is not reachable from HttpClient; sign-in again captures the header instead.
        var page = await client.GetAsync(new Uri("/desk", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var set = page.Headers.TryGetValues("Set-Cookie", out var values) ? values.FirstOrDefault(v => v.StartsWith("__Host-NewsDesk=", StringComparison.Ordinal)) : null;
        Assert.NotNull(set);
        return set.Split(';')[0];
    }
}

public sealed class FirstAdminTests
{
    [Fact]
    public async Task The_environment_admin_is_created_once_and_its_password_is_never_reset()
    {
        using var first = new DeskApp();
        first.With("NEWSDESK_ADMIN_EMAIL", "boss@newsdesk.test").With("NEWSDESK_ADMIN_PASSWORD", "the first boss password");
        var client = first.CreateHttpsClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitAsync("/account/sign-in", "#sign-in-form", new() { ["Input.Email"] = "boss@newsdesk.test", ["Input.Password"] = "the first boss password" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/users", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await first.CreateHttpsClient().GetAsync(new Uri("/setup", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        using var second = first.Restarted();
        second.With("NEWSDESK_ADMIN_PASSWORD", "a different password now");
        var again = second.CreateHttpsClient();

        Assert.Equal(HttpStatusCode.Redirect, (await again.SubmitAsync("/account/sign-in", "#sign-in-form", new() { ["Input.Email"] = "boss@newsdesk.test", ["Input.Password"] = "the first boss password" })).StatusCode);
        await using var scope = second.Services.CreateAsyncScope();
        Assert.Single(await scope.ServiceProvider.GetRequiredService<UserManager<NewsDeskUser>>().GetUsersInRoleAsync(Roles.Admin));
    }

    [Fact]
    public async Task A_refused_password_stops_the_start_with_a_one_line_reason()
    {
        using var app = new DeskApp();
        app.With("NEWSDESK_ADMIN_EMAIL", "boss@newsdesk.test").With("NEWSDESK_ADMIN_PASSWORD", "short");

        Assert.ThrowsAny<Exception>(() => app.CreateClient());

        // Program logs the reason when the failed start reaches its own catch, which may be a moment after the factory gives up.
        for (var waited = 0; waited < 100 && !app.Logs.Messages(Serilog.Events.LogEventLevel.Fatal).Any(); waited++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        var line = Assert.Single(app.Logs.Messages(Serilog.Events.LogEventLevel.Fatal));
        Assert.Contains("NEWSDESK_ADMIN_EMAIL/NEWSDESK_ADMIN_PASSWORD refused: Passwords must be at least 12 characters.", line, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', line);
    }

    [Fact]
    public async Task The_web_process_exits_with_code_1_and_one_line_when_the_admin_password_is_refused()
    {
        using var directory = new TempDirectory();
        var info = ProjectProcess.StartInfo(
            ProjectProcess.Assembly("NewsDesk.Web", "NewsDesk.Web"),
            ["--urls", "http://127.0.0.1:0"],
            new Dictionary<string, string?>
            {
                ["NewsDesk__DataDirectory"] = directory.Path,
                ["NewsDesk__SeedsDirectory"] = directory.File("no-seeds"),
                ["NEWSDESK_ADMIN_EMAIL"] = "boss@newsdesk.test",
                ["NEWSDESK_ADMIN_PASSWORD"] = "short",
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
            });

        var run = await ProjectProcess.RunAsync(info, TimeSpan.FromSeconds(60));

        Assert.Equal(1, run.ExitCode);
        var output = run.Stdout + run.Stderr;
        Assert.Contains("NewsDesk cannot start: NEWSDESK_ADMIN_EMAIL/NEWSDESK_ADMIN_PASSWORD refused: Passwords must be at least 12 characters.", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Setup_creates_the_first_admin_once_and_then_closes_for_good()
    {
        using var app = new DeskApp();
        var client = app.CreateHttpsClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/setup", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        var short_ = await client.SubmitAsync("/setup", "#setup-form", new() { ["Input.Email"] = "first@newsdesk.test", ["Input.Password"] = "short", ["Input.Confirm"] = "short" });
        var created = await client.SubmitAsync("/setup", "#setup-form", new() { ["Input.Email"] = "first@newsdesk.test", ["Input.Password"] = "the very first admin", ["Input.Confirm"] = "the very first admin" });

        Assert.Equal(HttpStatusCode.OK, short_.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/admin/users", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.CreateHttpsClient().GetAsync(new Uri("/setup", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        var late = await app.CreateHttpsClient().PostAsync(new Uri("/setup", UriKind.Relative), new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.Redirect, late.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync()));
    }
}
