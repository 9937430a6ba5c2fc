"""Generated from argmap.ttl by ``python -m argmap.ontology.codegen``: do not edit."""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class AM(DefinedNamespace):
    """The argmap ontology; an unknown term raises ``AttributeError``."""

    _fail = True
    _NS = Namespace("https://w3id.org/argmap/ontology#")

    Accepted: URIRef
    ArgumentRelation: URIRef
    Article: URIRef
    Brand: URIRef
    BrandIdentification: URIRef
    BrandPerceptionConstraint: URIRef
    CapabilityConstraint: URIRef
    ChannelPromotionStrategy: URIRef
    Claim: URIRef
    ClaimStatus: URIRef
    CompetitionConstraint: URIRef
    CompetitivePressure: URIRef
    Constraint: URIRef
    DiversificationStrategy: URIRef
    EcosystemLockIn: URIRef
    EcosystemStrategy: URIRef
    Entity: URIRef
    Event: URIRef
    Evidence: URIRef
    FullPricePurchase: URIRef
    Market: URIRef
    Organization: URIRef
    OwnTechnology: URIRef
    OwnTechnologyStrategy: URIRef
    Person: URIRef
    Premiumization: URIRef
    PriceDoubt: URIRef
    PriceDrivenEvidence: URIRef
    PriceLevelPremiumization: URIRef
    Product: URIRef
    PromotionDependence: URIRef
    PromotionDependenceConstraint: URIRef
    Quantity: URIRef
    Rejected: URIRef
    RivalSwitching: URIRef
    SpecsForLess: URIRef
    Statement: URIRef
    Strategy: URIRef
    SubstitutePurchase: URIRef
    SupportRelation: URIRef
    TimeWindowConstraint: URIRef
    Undecided: URIRef
    UndermineRelation: URIRef
    ValueDrivenEvidence: URIRef
    ValueForMoneyStrategy: URIRef
    ValueLevelPremiumization: URIRef
    about: URIRef
    central: URIRef
    competesWith: URIRef
    conclusion: URIRef
    conditional: URIRef
    constrainedBy: URIRef
    content: URIRef
    contentHash: URIRef
    endChar: URIRef
    evidenceKind: URIRef
    evidencedBy: URIRef
    hedged: URIRef
    inArticle: URIRef
    language: URIRef
    marker: URIRef
    mentions: URIRef
    premise: URIRef
    pursues: URIRef
    refersTo: URIRef
    restsOn: URIRef
    startChar: URIRef
    status: URIRef
    strength: URIRef
    supports: URIRef
    text: URIRef
    undermines: URIRef
    unit: URIRef
    value: URIRef
