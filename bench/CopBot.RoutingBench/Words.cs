namespace CopBot.RoutingBench;

/// <summary>Word pools of the synthetic community: an engineering community of practice (tags, question words, people).</summary>
internal static class Words
{
    /// <summary>Subjects tags are made of; single-word tags and two-word tags ("azure-functions") are drawn from them.</summary>
    public static readonly string[] Subjects =
    [
        "kubernetes", "docker", "terraform", "azure", "aws", "gcp", "linux", "windows", "networking", "dns", "tls",
        "oauth", "entra", "graph", "teams", "sharepoint", "powershell", "bash", "python", "csharp", "dotnet", "java",
        "kotlin", "go", "rust", "typescript", "javascript", "react", "angular", "vue", "css", "html", "sql", "postgres",
        "mysql", "cosmos", "redis", "kafka", "rabbitmq", "spark", "databricks", "pandas", "numpy", "pytorch",
        "tensorflow", "llm", "embeddings", "search", "elasticsearch", "observability", "prometheus", "grafana",
        "logging", "tracing", "security", "secrets", "vault", "compliance", "gdpr", "accessibility", "testing",
        "playwright", "selenium", "xunit", "pytest", "ci", "cd", "github", "gitlab", "jenkins", "helm", "istio",
        "nginx", "apache", "caching", "cdn", "performance", "profiling", "memory", "concurrency", "async", "grpc",
        "rest", "graphql", "websockets", "mobile", "android", "ios", "flutter", "swift", "excel", "powerbi",
        "tableau", "etl", "datalake", "parquet", "json", "xml", "yaml", "regex", "unicode", "localization", "git",
        "monorepo", "packaging", "nuget", "npm", "maven", "gradle", "architecture", "microservices", "ddd",
        "eventsourcing", "cqrs", "serverless", "functions", "queues", "storage", "tables", "blobs", "backup",
        "migration", "cost", "finops", "identity", "rbac", "firewall", "vpn", "proxy", "loadbalancing", "scaling",
        "availability", "incident", "oncall", "sre", "agile", "scrum", "documentation", "onboarding", "mentoring",
        "design", "ux", "figma", "copilot", "automation", "scheduling", "email", "calendar", "bots", "cards",
    ];

    /// <summary>Words that co-occur with a subject in questions; each topic gets a few of them.</summary>
    public static readonly string[] Context =
    [
        "deployment", "cluster", "pipeline", "config", "configuration", "timeout", "latency", "throughput", "error",
        "exception", "crash", "leak", "upgrade", "version", "certificate", "token", "permission", "policy", "quota",
        "limit", "retry", "connection", "pool", "index", "query", "schema", "partition", "replica", "failover",
        "rollback", "release", "branch", "merge", "build", "artifact", "image", "container", "volume", "secret",
        "variable", "environment", "template", "module", "plugin", "extension", "library", "framework", "runtime",
        "compiler", "debugger", "breakpoint", "benchmark", "metric", "alert", "dashboard", "log", "trace", "span",
        "sampling", "budget", "report", "model", "training", "inference", "prompt", "dataset", "feature", "pipeline",
        "job", "trigger", "webhook", "endpoint", "gateway", "route", "header", "cookie", "session", "cache",
        "eviction", "serialization", "encoding", "parser", "validation", "migration", "script", "cron", "worker",
        "thread", "lock", "deadlock", "race", "queue", "topic", "subscription", "consumer", "producer", "offset",
        "snapshot", "restore", "encryption", "key", "rotation", "audit", "tenant", "user", "group", "role", "license",
        "workspace", "notebook", "cell", "widget", "layout", "component", "state", "hook", "render", "bundle",
    ];

    public static readonly string[] Verbs =
    [
        "configure", "debug", "migrate", "scale", "secure", "monitor", "test", "deploy", "optimise", "automate",
        "troubleshoot", "design", "structure", "upgrade", "integrate", "version", "document", "review", "profile",
    ];

    public static readonly string[] Fillers =
    [
        "production", "staging", "team", "project", "customer", "best", "practice", "approach", "recommended",
        "issue", "problem", "slow", "broken", "intermittent", "suddenly", "after", "large", "small", "legacy", "new",
        "internal", "shared", "regional", "nightly", "manual", "default", "custom", "existing", "multiple",
    ];

    public static readonly string[] FirstNames =
    [
        "Anna", "Ben", "Chloé", "Daniel", "Elif", "Farid", "Grace", "Hiroshi", "Ines", "Jonas", "Kavya", "Lars",
        "Maria", "Nikolai", "Olga", "Pedro", "Qi", "Rania", "Sven", "Tomás", "Uma", "Viktor", "Wen", "Ximena", "Yusuf",
        "Zoë", "Aisha", "Bruno", "Carmen", "Dmitri", "Emma", "Felix", "Giulia", "Hannah", "Ivan", "Julia", "Kofi",
        "Lea", "Marco", "Nora", "Omar", "Priya", "Rafael", "Sara", "Theo", "Valentina", "William", "Yara", "Zaid",
        "Mei", "Lukas", "Fatima", "Arjun", "Sofia", "Mateo", "Leila", "Noah", "Amara", "Erik", "Chen",
    ];

    public static readonly string[] LastNames =
    [
        "Müller", "Schmidt", "García", "Rossi", "Dubois", "Nowak", "Kowalski", "Jansen", "Nielsen", "Johansson",
        "Tanaka", "Suzuki", "Kim", "Park", "Nguyen", "Singh", "Patel", "Sharma", "Okafor", "Mensah", "Haddad",
        "Khan", "Ali", "Silva", "Santos", "Oliveira", "Fernández", "López", "Martin", "Bernard", "Smith", "Jones",
        "Brown", "Taylor", "Wilson", "Murphy", "O'Brien", "Walsh", "Novák", "Horváth", "Popescu", "Ivanova",
        "Petrov", "Yilmaz", "Demir", "Cohen", "Levi", "Andersen", "Virtanen", "Korhonen", "Zhang", "Wang", "Li",
        "Liu", "Chen", "Yang", "Huang", "Costa", "Ferreira", "Moreau",
    ];

    /// <summary>Organisations by size (Zipf-drawn): a few large business units and many small teams.</summary>
    public static readonly string[] Organizations =
    [
        "Platform Engineering", "Cloud Infrastructure", "Data & AI", "Digital Workplace", "Security Office",
        "Customer Solutions", "Finance IT", "HR Systems", "Manufacturing IT", "Research Lab", "Mobile Apps",
        "Web Channels", "Integration Services", "Identity Team", "Analytics", "Quality Engineering", "SRE",
        "Developer Experience", "Networks", "Architecture Board", "Field Engineering", "Supply Chain IT",
        "Marketing Tech", "Legal Tech", "Procurement Systems", "Energy Trading", "Retail Systems", "Logistics",
        "Healthcare Solutions", "Public Sector", "Innovation Hub", "Service Desk", "Knowledge Management",
        "Enterprise Apps", "Data Platform", "ML Ops", "Edge Computing", "IoT", "Sustainability Office", "Training",
    ];

    public static readonly string[] Locations =
    [
        "Berlin", "Munich", "Paris", "Lyon", "Madrid", "Lisbon", "Milan", "Amsterdam", "Copenhagen", "Stockholm",
        "Warsaw", "Prague", "Vienna", "Zurich", "London", "Dublin", "New York", "Seattle", "Toronto", "São Paulo",
        "Bangalore", "Pune", "Singapore", "Tokyo", "Seoul", "Sydney", "Nairobi", "Lagos", "Cairo", "Tel Aviv",
    ];

    public static readonly string[] Languages = ["en", "de", "fr", "es", "pt", "it", "nl", "pl", "ja", "zh", "hi"];
}
