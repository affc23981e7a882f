using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsDesk.Core;
using NewsDesk.Core.Data;
using NewsDesk.Core.Hosting;
using NewsDesk.Core.Taxonomy;
using NewsDesk.Ingest;
using Serilog;
using Serilog.Events;

namespace NewsDesk.Cli;

/// <summary>The services a command needs, configured exactly as the web host configures them.</summary>
internal static class CliHost
{
    public static IHost Build(string? databaseFile)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // appsettings.json beside the executable is the web app's own file, linked at build time.
            ContentRootPath = AppContext.BaseDirectory,
            EnvironmentName = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
                ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
                ?? Environments.Production,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSerilog(logger => logger
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Command", LogEventLevel.Fatal)
            .WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose, outputTemplate: "[{Level:u3}] {Message:lj}{NewLine}", formatProvider: System.Globalization.CultureInfo.InvariantCulture));
        builder.Services.AddNewsDeskCore(builder.Configuration, databaseFile);
        builder.Services.AddNewsDeskIngest(builder.Configuration);
        builder.Services.AddNewsDeskAccounts();
        return builder.Build();
    }

    /// <summary>Builds the host and brings the store (schema and built-in taxonomy) up to date; every command that touches the store starts here.</summary>
    public static async Task<IHost> StartAsync(string? databaseFile, CancellationToken cancellationToken)
    {
        var host = Build(databaseFile);
        await using var scope = host.Services.CreateAsyncScope();
        await NewsDeskDatabase.MigrateAsync(
            scope.ServiceProvider.GetRequiredService<NewsDeskDbContext>(),
            scope.ServiceProvider.GetRequiredService<NewsDeskPaths>(),
            cancellationToken);
        await scope.ServiceProvider.GetRequiredService<TaxonomySync>().SyncAsync(cancellationToken);
        return host;
    }
}
