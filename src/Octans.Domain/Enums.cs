namespace Octans.Domain;

public enum Risk { High, Medium, Low }

public enum Rag { Red, Amber, Green }

public enum Outcome { Resolved, ReducedAndManaged, HandedOver, NoFurtherAction, Duplicate }

public enum ActionStatus { Open, Done, Cancelled }

public enum ProblemStatus { Open, Closed }

/// <summary>Whether a photo shows the place before the work or after it.</summary>
public enum BeforeOrAfter { Before, After }
