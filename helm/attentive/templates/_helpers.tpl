{{/* Chart name, truncated to the 63 characters a DNS label allows. */}}
{{- define "attentive.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Fully qualified app name: release-chart unless the release name already contains the chart name. */}}
{{- define "attentive.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "attentive.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Labels common to every object. */}}
{{- define "attentive.labels" -}}
helm.sh/chart: {{ include "attentive.chart" . }}
app.kubernetes.io/name: {{ include "attentive.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: attentive
{{- end }}

{{/* Selector labels of one component; call with (dict "root" $ "component" "ingest"). */}}
{{- define "attentive.selectorLabels" -}}
app.kubernetes.io/name: {{ include "attentive.name" .root }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{/* All labels of one component; call with (dict "root" $ "component" "ingest"). */}}
{{- define "attentive.componentLabels" -}}
{{ include "attentive.labels" .root }}
app.kubernetes.io/component: {{ .component }}
{{- end }}

{{- define "attentive.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "attentive.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- default "default" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The Secret the Deployments read: the chart's own or secrets.existingSecret. */}}
{{- define "attentive.secretName" -}}
{{- if .Values.secrets.existingSecret }}
{{- .Values.secrets.existingSecret }}
{{- else }}
{{- printf "%s-secrets" (include "attentive.fullname" .) }}
{{- end }}
{{- end }}

{{- define "attentive.kafkaBootstrapServers" -}}
{{- required "kafka.bootstrapServers is required: set it to the external Kafka cluster's bootstrap servers, e.g. --set kafka.bootstrapServers=kafka.kafka.svc:9092" .Values.kafka.bootstrapServers }}
{{- end }}

{{/* Fails rendering when both reviewer autoscalers are switched on. */}}
{{- define "attentive.validate" -}}
{{- if and .Values.reviewer.autoscaling.keda.enabled .Values.reviewer.autoscaling.hpa.enabled }}
{{- fail "reviewer.autoscaling.keda.enabled and reviewer.autoscaling.hpa.enabled cannot both be true: KEDA creates its own HPA; enable only one of them" }}
{{- end }}
{{- end }}

{{/* Image reference; call with (dict "root" $ "image" .Values.ingest.image). */}}
{{- define "attentive.image" -}}
{{- printf "%s:%s" .image.repository (default .root.Chart.AppVersion (toString (default "" .image.tag))) }}
{{- end }}

{{/* Prometheus scrape annotations for a pod listening on .port. */}}
{{- define "attentive.prometheusAnnotations" -}}
{{- if .root.Values.metrics.prometheusAnnotations -}}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .port | quote }}
prometheus.io/path: /q/metrics
{{- end }}
{{- end }}

{{/* Environment shared by all services; call with (dict "root" $ "service" "ingest" "port" 8080). */}}
{{- define "attentive.commonEnv" -}}
{{- $prefix := printf "ATTENTIVE_%s_TOPICS" (upper .service) -}}
- name: PORT
  value: {{ .port | quote }}
- name: KAFKA_BOOTSTRAP_SERVERS
  value: {{ include "attentive.kafkaBootstrapServers" .root | quote }}
- name: ATTENTIVE_STATE_DIR
  value: /var/lib/attentive/state
- name: {{ $prefix }}_CREATE
  value: {{ (not .root.Values.topics.createJob.enabled) | toString | quote }}
- name: {{ $prefix }}_PARTITIONS
  value: {{ .root.Values.topics.partitions | quote }}
- name: {{ $prefix }}_REPLICATION_FACTOR
  value: {{ .root.Values.topics.replicationFactor | quote }}
{{- end }}

{{/* GitHub access, from the Secret (ingest and publisher). */}}
{{- define "attentive.githubEnv" -}}
- name: GITHUB_API_URL
  value: {{ .Values.github.apiUrl | quote }}
- name: GITHUB_TOKEN
  valueFrom:
    secretKeyRef:
      name: {{ include "attentive.secretName" . }}
      key: github-token
      optional: true
- name: GITHUB_APP_ID
  valueFrom:
    secretKeyRef:
      name: {{ include "attentive.secretName" . }}
      key: app-id
      optional: true
- name: GITHUB_APP_PRIVATE_KEY_PATH
  value: /etc/attentive/github/app-private-key.pem
{{- end }}

{{/* Pod-level security context. */}}
{{- define "attentive.podSecurityContext" -}}
{{- toYaml .Values.podSecurityContext }}
{{- end }}

{{/* Volumes every pod gets: writable /tmp and state dir under a read-only root filesystem. */}}
{{- define "attentive.volumes" -}}
- name: tmp
  emptyDir:
    sizeLimit: {{ required "tmpDir.sizeLimit is required: /tmp must not grow without bound" .Values.tmpDir.sizeLimit }}
- name: state
  emptyDir:
    {{- with .Values.stateDir.sizeLimit }}
    sizeLimit: {{ . }}
    {{- end }}
{{- end }}

{{- define "attentive.githubVolume" -}}
- name: github
  secret:
    secretName: {{ include "attentive.secretName" . }}
    optional: true
    items:
      - key: app-private-key.pem
        path: app-private-key.pem
{{- end }}

{{- define "attentive.volumeMounts" -}}
- name: tmp
  mountPath: /tmp
- name: state
  mountPath: /var/lib/attentive/state
{{- end }}

{{/* Liveness and readiness probes on Quarkus SmallRye Health. */}}
{{- define "attentive.probes" -}}
livenessProbe:
  httpGet:
    path: /q/health/live
    port: http
  {{- toYaml .Values.probes.liveness | nindent 2 }}
readinessProbe:
  httpGet:
    path: /q/health/ready
    port: http
  {{- toYaml .Values.probes.readiness | nindent 2 }}
{{- end }}

{{/* Config values (property names or env var names) rendered as env var names. */}}
{{- define "attentive.configData" -}}
{{- range $k, $v := . }}
{{- $s := toString $v }}
{{- /* YAML numbers arrive as float64; write whole numbers without an exponent */}}
{{- if and (kindIs "float64" $v) (eq $v (float64 (int64 $v))) }}
{{- $s = toString (int64 $v) }}
{{- end }}
{{ $k | upper | replace "." "_" | replace "-" "_" }}: {{ $s | quote }}
{{- end }}
{{- end }}
