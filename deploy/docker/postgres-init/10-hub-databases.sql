-- Runs once, when the compose postgres volume is initialised (empty data directory).
-- One database per service. The services would also create their own database if it were missing
-- (their role may CREATE DATABASE here); creating them up front keeps that step out of the first start.
CREATE DATABASE hub_catalogue;
CREATE DATABASE hub_dossier;
CREATE DATABASE hub_payment;
CREATE DATABASE hub_rating;
CREATE DATABASE hub_gateway;
