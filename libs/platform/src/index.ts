// Decorator metadata (config conversion, DI) must exist before any decorated class in this library loads.
import 'reflect-metadata';

export { CORRELATION_ID_HEADER, bindRequestContext, newCorrelationId, newTrace, requestContextFor, requestContextOf } from './context/request-context';
export type { CommandOrigin, EventTrace, RequestContext } from './context/request-context';

export { BaseServiceConfig, jsonBudgetOf, kafkaConnectionOf, KAFKA_SASL_MECHANISMS, outboxRelayOf, LOG_LEVELS, parseBrokerList } from './config/base-service.config';
export type { KafkaConnection, KafkaSaslMechanism } from './config/base-service.config';
export type { LogLevelName } from './config/base-service.config';
export { ConfigError, loadConfig } from './config/load-config';
export type { ConfigIssue } from './config/load-config';

export { createLogger } from './logging/create-logger';
export { PinoLoggerService } from './logging/pino-logger.service';

export { ProblemException } from './errors/problem.exception';
export type { FieldError, ProblemInit } from './errors/problem.exception';
export {
  badRequest,
  codeForStatus,
  conflict,
  forbidden,
  internalError,
  notFound,
  problem,
  serviceUnavailable,
  tooManyRequests,
  unauthorized,
  unprocessable,
  validationFailed,
} from './errors/problems';
export type { ProblemOptions } from './errors/problems';
export { PROBLEM_CONTENT_TYPE, PROBLEM_TYPE_BASE, problemType, toProblemDocument } from './errors/problem-document';
export type { ProblemDocument } from './errors/problem-document';
export { ProblemDetailsFilter } from './errors/problem-details.filter';

export { DEFAULT_JSON_BUDGET, findJsonBudgetViolation } from './http/json-budget';
export type { JsonBudget, JsonBudgetLimit, JsonBudgetViolation } from './http/json-budget';
export { assertWithinJsonBudget, bodyTooLargeProblem, jsonBudgetProblem } from './http/body-problems';
export { JSON_MEDIA_TYPE } from './http/json-body.parser';

export { createValidationPipe } from './validation/create-validation-pipe';
export { flattenValidationErrors } from './validation/flatten-validation-errors';
export { INVALID_FORMAT, PatternPipe } from './validation/pattern.pipe';
export { validatePayload } from './validation/validate-payload';
export type { PayloadValidation } from './validation/validate-payload';

export { CALLER_KINDS } from './identity/caller-identity';
export {
  AGENCY_REACH,
  authorize,
  clientPolicyViolations,
  effectiveRoles,
  holdsRole,
  isHubRole,
  kindMayHold,
  MAX_AGENCY_CODES_PER_CLIENT,
  ownsAgency,
  personalDataAccess,
  reachesAgency,
  ROLE_POLICY,
  rolesOfKind,
} from './identity/access-policy';
export type { AgencyReach, ClientKind, ClientShape, PersonalDataAccess, RolePolicy } from './identity/access-policy';
export { ACCESS_PURPOSE_HEADER, accessPurposeOf, maskEmail, maskIdNumber, maskPhone, MAX_ACCESS_PURPOSE_LENGTH } from './identity/personal-data';
export { agencyScopeCondition, agencyScopeOf, assertMayActFor, isInAgencyScope, requireVisible } from './identity/agency-scope';
export type { SqlCondition } from './identity/agency-scope';
export type { CallerIdentity, CallerKind } from './identity/caller-identity';
export { DEFAULT_IDENTITY_TTL_MS, IDENTITY_HEADER, signIdentity, verifyIdentity } from './identity/identity-token';
export type { IdentityBinding, VerifyIdentityOptions } from './identity/identity-token';
export { generateIdentityKeys, identityPublicKeyOf, parseIdentityPublicKeys, parseIdentitySigningKey } from './identity/identity-keys';
export type { IdentityPublicKeys, IdentitySigningKey } from './identity/identity-keys';
export { IdentityReplayCache } from './identity/identity-replay-cache';
export { assertRequiredRoles, IDENTITY_PUBLIC_KEYS, IDENTITY_SIGNING_KEY, IdentityGuard } from './identity/identity.guard';
export type { IdentitySigner } from './identity/identity.guard';
export { Caller, Public, RequestContextParam, RequireRoles, Trace } from './identity/identity.decorators';

export { READINESS_CHECK } from './health/readiness-check';
export type { ReadinessCheck } from './health/readiness-check';

export { httpRequestDuration, metricsRegistry } from './metrics/metrics-registry';

export { API_KEY_SECURITY_SCHEME, buildOpenApiDocument, setupOpenApi } from './openapi/openapi';
export type { OpenApiInfo } from './openapi/openapi';

export { createServiceApp } from './bootstrap/create-service-app';
export type { ServiceAppOptions } from './bootstrap/create-service-app';
export { startServiceApp } from './bootstrap/start-service-app';
export { PlatformModule } from './bootstrap/platform.module';
export type { PlatformModuleOptions } from './bootstrap/platform.module';
export { SERVICE_NAME } from './bootstrap/service-name.token';

export { Clock } from './clock/clock';
export { ed25519Sign, ed25519Verify } from './crypto/ed25519';
export { hashSecret, secretMatches } from './crypto/secret-hash';

export { AppError, consumerDispositionOf } from './errors/app-error';
export type {
  AppErrorOptions,
  ConsumerDisposition,
  ConsumerErrorMap,
  ErrorMaps,
  HttpErrorMap,
  HttpErrorMapping,
} from './errors/app-error';
export { AppErrorsModule, collectErrorMaps, ErrorMapRegistration, mergeErrorMaps } from './errors/app-errors.module';
export type { FeatureErrorMaps } from './errors/app-errors.module';
export { invalidInput, platformHttpErrors } from './errors/platform-errors';
export type { PlatformErrorCode } from './errors/platform-errors';
