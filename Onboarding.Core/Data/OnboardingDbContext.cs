using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Onboarding.Core.Accounts;
using Onboarding.Core.Digests;
using Onboarding.Core.Engagements;
using Onboarding.Core.Governance;
using Onboarding.Core.Governance.CheckIns;
using Onboarding.Core.Governance.Pulses;
using Onboarding.Core.Locations;
using Onboarding.Core.People;

namespace Onboarding.Core.Data;

/// <summary>
/// The application's data. Each database provider has its own subclass and migration set:
/// <code>
/// dotnet ef migrations add NAME --project Onboarding.Core --startup-project Onboarding.Core --context SqliteOnboardingDbContext --output-dir Data/Migrations/Sqlite
/// dotnet ef migrations add NAME --project Onboarding.Core --startup-project Onboarding.Core --context PostgresOnboardingDbContext --output-dir Data/Migrations/Postgres
/// </code>
/// </summary>
public abstract class OnboardingDbContext(DbContextOptions options) : IdentityDbContext<AppUser>(options), IDataProtectionKeyContext
{
    /// <summary>Cookie and antiforgery keys, shared by every web node through the database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<Engagement> Engagements => Set<Engagement>();
    public DbSet<BusinessOutcome> BusinessOutcomes => Set<BusinessOutcome>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Member> Members => Set<Member>();
    public DbSet<HiringLocation> HiringLocations => Set<HiringLocation>();
    public DbSet<MarketCard> MarketCards => Set<MarketCard>();
    public DbSet<Locations.Holidays.LocationHoliday> LocationHolidays => Set<Locations.Holidays.LocationHoliday>();
    public DbSet<Locations.Holidays.HolidayChange> HolidayChanges => Set<Locations.Holidays.HolidayChange>();
    public DbSet<TemplateSnapshot> TemplateSnapshots => Set<TemplateSnapshot>();
    public DbSet<PlanTask> PlanTasks => Set<PlanTask>();
    public DbSet<TaskDependency> TaskDependencies => Set<TaskDependency>();
    public DbSet<TaskParticipant> TaskParticipants => Set<TaskParticipant>();
    public DbSet<ChecklistItem> ChecklistItems => Set<ChecklistItem>();
    public DbSet<TaskComment> TaskComments => Set<TaskComment>();
    public DbSet<Milestone> Milestones => Set<Milestone>();
    public DbSet<GlossaryTerm> GlossaryTerms => Set<GlossaryTerm>();
    public DbSet<Metric> Metrics => Set<Metric>();
    public DbSet<Measurement> Measurements => Set<Measurement>();
    public DbSet<Win> Wins => Set<Win>();
    public DbSet<ActivityEntry> Activity => Set<ActivityEntry>();
    public DbSet<RecruiterAssignment> RecruiterAssignments => Set<RecruiterAssignment>();
    public DbSet<TaskReassignment> TaskReassignments => Set<TaskReassignment>();
    public DbSet<DigestRecord> Digests => Set<DigestRecord>();
    public DbSet<LogEntry> LogEntries => Set<LogEntry>();
    public DbSet<LogEntryTask> LogEntryTasks => Set<LogEntryTask>();
    public DbSet<LogEntryStep> LogEntrySteps => Set<LogEntryStep>();
    public DbSet<EscalationRung> EscalationRungs => Set<EscalationRung>();

    public DbSet<CheckInSeries> CheckInSeries => Set<CheckInSeries>();
    public DbSet<CheckInParticipant> CheckInParticipants => Set<CheckInParticipant>();
    public DbSet<CheckInMeeting> CheckInMeetings => Set<CheckInMeeting>();
    public DbSet<Pulse> Pulses => Set<Pulse>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(OnboardingDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(32);
    }
}

public sealed class SqliteOnboardingDbContext(DbContextOptions<SqliteOnboardingDbContext> options) : OnboardingDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // SQLite has no instant type and cannot compare or order DateTimeOffset text; a
        // number of UTC ticks sorts and compares correctly.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresOnboardingDbContext(DbContextOptions<PostgresOnboardingDbContext> options) : OnboardingDbContext(options);
