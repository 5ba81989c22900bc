using Rathausplatz.Data;
using Rathausplatz.Features.Accounts;
using Rathausplatz.Features.Accounts.SingleSignOn;
using Rathausplatz.Features.Audiences;
using Rathausplatz.Features.Delivery;
using Rathausplatz.Features.Delivery.Email;
using Rathausplatz.Features.Delivery.Push;
using Rathausplatz.Features.Intranet;
using Rathausplatz.Features.Newsroom;
using Rathausplatz.Features.Organizations;
using Rathausplatz.Features.Participation;
using Rathausplatz.Features.Reports;
using Rathausplatz.Features.Reports.Desk;
using Rathausplatz.Jobs;

var builder = WebApplication.CreateBuilder(args);

builder.AddData();
builder.AddJobs();
builder.AddWebPlatform();
builder.AddOrganizations();
builder.AddAccounts();
builder.AddSingleSignOn();
builder.AddEmail();
builder.AddNewsroom();
builder.AddAudiences();
builder.AddDelivery();
builder.AddPush();
builder.AddReports();
builder.AddReportDesk();
builder.AddParticipation();
builder.AddIntranet();

var app = builder.Build();

await app.Services.MigrateDatabaseAsync();
await app.Services.EnsureRolesAsync();
await app.SeedDemoAsync();
if (await app.RunCommandAsync(args) || await app.RunBounceCommandAsync(args))
    return;

app.UseWebPlatform();     // errors, HTTPS, security headers, static files, language
app.UseOrganizations();   // the host name chooses the municipality
app.UseWebAccess();       // routing, rate limits, authentication, authorisation, antiforgery

app.MapWebPlatform();
app.MapOrganizations();
app.MapAccounts();
app.MapNewsroom();
app.MapAudiences();
app.MapDelivery();
app.MapPush();
app.MapReports();
app.MapReportDesk();
app.MapParticipation();
app.MapIntranet();

app.Run();

/// <summary>Entry point; public so the tests' WebApplicationFactory can start the app.</summary>
public partial class Program;
